/** A half-open range `[start, end)` of character offsets (UTF-16 code units) in the input. */
export interface Span {
  start: number;
  end: number;
}

export type Priority = "none" | "low" | "medium" | "high";

/** `!high`-style words and Todoist's `p1`–`p4` (p1 is the most urgent, p4 its "no priority"). */
const PRIORITY_WORDS: ReadonlyMap<string, Priority> = new Map([
  ["!high", "high"],
  ["!medium", "medium"],
  ["!low", "low"],
  ["p1", "high"],
  ["p2", "medium"],
  ["p3", "low"],
  ["p4", "none"],
]);

const OPENING_QUOTES = new Set(['"', "\u201C"]);
const CLOSING_QUOTES = new Set(['"', "\u201D"]);
/** Sentence punctuation that may follow a token without belonging to it ("Buy milk #shopping."). */
const TRAILING_PUNCTUATION = /[.,;:!?)]+$/u;
const CONTROL_CHARACTER = /\p{Cc}/u;
const MAX_LABEL_LENGTH = 50;

/**
 * The double-quoted stretches of the input, quotes included. Straight quotes and the curly ones
 * phone keyboards type both count. A quote opens only at the start of a word (so the inch mark
 * in `12" pizza` is text); a quote that is never closed protects the rest of the line, so text
 * being typed inside quotes is not highlighted before the closing quote arrives.
 */
export function findQuotedSpans(input: string): Span[] {
  const spans: Span[] = [];
  let index = 0;
  while (index < input.length) {
    const opensQuote =
      OPENING_QUOTES.has(input.charAt(index)) &&
      (index === 0 || /[\s(]/u.test(input.charAt(index - 1)));
    if (!opensQuote) {
      index += 1;
      continue;
    }
    let close = index + 1;
    while (close < input.length && !CLOSING_QUOTES.has(input.charAt(close))) close += 1;
    const end = Math.min(close + 1, input.length);
    spans.push({ start: index, end });
    index = end;
  }
  return spans;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * A label name as the API accepts it: trimmed, 1–50 characters, no commas, no control characters,
 * not starting with `#`. Returns the trimmed name, or null when the API would refuse it.
 */
export function normalizeLabel(raw: string): string | null {
  const name = raw.trim();
  if (name.length === 0 || name.length > MAX_LABEL_LENGTH) return null;
  if (name.includes(",") || name.startsWith("#") || CONTROL_CHARACTER.test(name)) return null;
  return name;
}

export type Token =
  | { kind: "priority"; span: Span; text: string; priority: Priority }
  | { kind: "label"; span: Span; text: string; name: string };

/**
 * The priority and label tokens of the input: whole whitespace-separated words outside quotes
 * (so `C#` and `mp3` stay text), each without the sentence punctuation that may follow it.
 * A `#` word whose name the API would refuse, or that is only digits (`#123` is how people
 * write ticket numbers), is not a label.
 */
export function findTokens(input: string, quoted: readonly Span[]): Token[] {
  const tokens: Token[] = [];
  for (const match of input.matchAll(/\S+/gu)) {
    const start = match.index;
    const core = match[0].replace(TRAILING_PUNCTUATION, "");
    const span = { start, end: start + core.length };
    if (core.length === 0 || quoted.some((quote) => overlaps(quote, span))) continue;
    const priority = PRIORITY_WORDS.get(core.toLowerCase());
    if (priority !== undefined) {
      tokens.push({ kind: "priority", span, text: core, priority });
      continue;
    }
    if (!core.startsWith("#")) continue;
    const name = normalizeLabel(core.slice(1));
    if (name !== null && name === core.slice(1) && !/^\d+$/u.test(name)) {
      tokens.push({ kind: "label", span, text: core, name });
    }
  }
  return tokens;
}

/** Every `#word` outside quotes, recognised or not: such words are never read as dates. */
export function findHashWords(input: string, quoted: readonly Span[]): Span[] {
  const spans: Span[] = [];
  for (const match of input.matchAll(/(?<=^|\s)#\S*/gu)) {
    const span = { start: match.index, end: match.index + match[0].length };
    if (!quoted.some((quote) => overlaps(quote, span))) spans.push(span);
  }
  return spans;
}

/** The stretches of `[0, length)` not covered by any of `masked`, in order. */
export function gaps(length: number, masked: readonly Span[]): Span[] {
  const sorted = [...masked].sort((a, b) => a.start - b.start);
  const result: Span[] = [];
  let cursor = 0;
  for (const span of sorted) {
    if (span.start > cursor) result.push({ start: cursor, end: span.start });
    cursor = Math.max(cursor, span.end);
  }
  if (cursor < length) result.push({ start: cursor, end: length });
  return result;
}
