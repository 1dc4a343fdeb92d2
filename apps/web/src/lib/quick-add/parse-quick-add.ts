import { firstDate, type Repeat, type RepeatFrom, readRepeat } from "@taskline/repeat";
import { type DateOrder, findDue } from "./due-date";
import { findReminders, MAX_REMINDERS } from "./reminder";
import {
  findHashWords,
  findQuotedSpans,
  findTokens,
  gaps,
  normalizeLabel,
  type Priority,
  type Span,
} from "./tokens";
import { formatDate, wallClockIn } from "./wall-clock";

export type { DateOrder } from "./due-date";
export { dateOrderFor } from "./due-date";
export type { Priority } from "./tokens";

export interface QuickAddPart {
  kind: "date" | "priority" | "label" | "repeat" | "reminder";
  /** Offsets in the input, `end` exclusive: `input.slice(start, end) === text`. */
  start: number;
  end: number;
  text: string;
}

/** A part the user turned back into title text (a removed chip), matched by kind and text. */
export type IgnoredPart = Pick<QuickAddPart, "kind" | "text">;

/** What the view the task is added from implies; anything typed overrides it. */
export interface QuickAddPreset {
  dueDate?: string | null;
  dueTime?: string | null;
  priority?: Priority;
  labels?: readonly string[];
}

export interface QuickAddOptions {
  now: Date;
  /** IANA name, e.g. the browser's `Intl.DateTimeFormat().resolvedOptions().timeZone`. */
  timeZone: string;
  dateOrder?: DateOrder;
  preset?: QuickAddPreset;
  ignore?: readonly IgnoredPart[];
}

export interface QuickAddResult {
  title: string;
  dueDate: string | null;
  dueTime: string | null;
  priority: Priority;
  labels: string[];
  /** An RFC 5545 rule ("every monday" → `FREQ=WEEKLY;BYDAY=MO`), or null. */
  recurrence: string | null;
  recurrenceFrom: RepeatFrom;
  /**
   * Reminders as minutes before the due moment ("remind 30m" → 30), in the order typed. Empty
   * without a due date: a reminder phrase is still a part (its chip says it needs a date) but
   * nothing is sent for it.
   */
  reminders: number[];
  /** Sorted by position. */
  parts: QuickAddPart[];
}

const MAX_LABELS = 20;

function isIgnored(ignore: readonly IgnoredPart[], kind: QuickAddPart["kind"], text: string) {
  return ignore.some((part) => part.kind === kind && part.text === text);
}

/**
 * Quick add: one line of text → a task's title, due date and time, priority and labels.
 *
 * - Dates and times (chrono-node, English): "today", "tomorrow 9am", "5 dec", "in 3 days",
 *   "17:00", "friday 5pm", "next friday" (chrono's reading: the Friday of next week; typed on a
 *   Friday, the one a week later). Only the first date counts, plus a time written apart from
 *   it ("tomorrow !high 9am"); later ones stay text. A leading "by"/"due"/"on"/"at" goes with it.
 *   Results are wall-clock values in `timeZone`, whatever zone the machine is in; a date without
 *   a time is all-day ("tonight" too). "in 2 hours" is elapsed time, so it is right across a
 *   DST change. "now" and a bare month name ("march") are never dates.
 * - Looking forward: a time alone that has passed today is tomorrow's ("5pm" at 18:00; "at 5",
 *   chrono's 05:00, likewise); a weekday alone is the next one, today included unless its time
 *   has passed ("friday 5pm" on Friday at 18:00 is next Friday); a day and month without a year
 *   is the next such day. Explicit days stay as written ("today 9am" at noon is overdue).
 * - Numeric dates follow `dateOrder`: `12/5` is 5 December month-first (chrono's `en`, the
 *   default), 12 May day-first (chrono's `en.GB`; see `dateOrderFor`). "5 dec" and "dec 5" are
 *   the same either way.
 * - Priorities: `!high` `!medium` `!low`, and Todoist's `p1` (high) `p2` (medium) `p3` (low)
 *   `p4` (none). The first one counts; later ones stay text.
 * - Repeats (@taskline/repeat, the grammar the API's import reads too): "every day", "every
 *   weekday", "every monday", "every 2 weeks", "every month on the 15th", "every! 3 days" (counted
 *   from completion). A repeat needs a due date: without one typed (or preset) it is the rule's
 *   first date from today; one typed that the rule skips moves to the rule's first date after it
 *   ("every monday 9am" typed on a Friday: Monday 09:00). The first repeat counts.
 * - Reminders: "remind 30m", "remind 1h", "remind 2d", "remind 90 min", "remind me 1 hour
 *   before" (minutes, hours or days before the due moment, up to a year). Up to 5 different ones
 *   count; later ones and repeats of one stay text. They need a due date (typed, from a repeat,
 *   or preset): without one they are still recognised but give no reminder.
 * - Labels: `#name`, with the API's label rules; deduplicated case-insensitively, the first
 *   spelling winning; at most 20 per task (further ones stay text). `#123` stays text.
 * - Only whole words count: `C#`, `mp3`, `Monday's` are text.
 * - Text in double quotes (straight or curly) is never parsed and stays in the title with its
 *   quotes: `Read "Tomorrow and tomorrow" #books` → `Read "Tomorrow and tomorrow"`. The title is
 *   what was typed minus the highlighted parts, so quotes a title needs are never lost. An
 *   unclosed quote protects the rest of the line; a quote inside a word (`12"`) is text.
 * - Presets: a typed date replaces the preset's date and time (a typed time alone follows the
 *   rules above); a typed priority replaces the preset's; labels are the preset's, then typed.
 * - The title has its whitespace collapsed and may be empty ("tomorrow"); the API wants 1–255
 *   characters, so the caller refuses to add an empty title.
 *
 * Throws a RangeError for a time zone the runtime does not know.
 */
export function parseQuickAdd(input: string, options: QuickAddOptions): QuickAddResult {
  const ignore = options.ignore ?? [];
  const preset = options.preset ?? {};
  const quoted = findQuotedSpans(input);
  const parts: QuickAddPart[] = [];
  const addPart = (kind: QuickAddPart["kind"], span: Span) =>
    parts.push({ kind, start: span.start, end: span.end, text: input.slice(span.start, span.end) });

  let typedPriority: Priority | null = null;
  const labels: string[] = [];
  const seen = new Set<string>();
  const addLabel = (name: string) => {
    const key = name.toLowerCase();
    if (seen.has(key)) return true;
    if (labels.length >= MAX_LABELS) return false;
    seen.add(key);
    labels.push(name);
    return true;
  };
  for (const name of preset.labels ?? []) {
    const label = normalizeLabel(name);
    if (label !== null) addLabel(label);
  }

  const tokenSpans: Span[] = [];
  for (const token of findTokens(input, quoted)) {
    tokenSpans.push(token.span);
    if (isIgnored(ignore, token.kind, token.text)) continue;
    if (token.kind === "priority") {
      if (typedPriority !== null) continue;
      typedPriority = token.priority;
      addPart("priority", token.span);
    } else if (addLabel(token.name)) {
      addPart("label", token.span);
    }
  }

  const offsets: number[] = [];
  const reminderSpans: Span[] = [];
  for (const phrase of findReminders(input, [...quoted, ...tokenSpans])) {
    reminderSpans.push(phrase.span);
    const repeated = offsets.includes(phrase.offsetMinutes);
    if (repeated || offsets.length >= MAX_REMINDERS || isIgnored(ignore, "reminder", phrase.text)) {
      continue;
    }
    offsets.push(phrase.offsetMinutes);
    addPart("reminder", phrase.span);
  }

  const { repeat, kept } = findRepeat(input, [...quoted, ...tokenSpans, ...reminderSpans], ignore);
  if (repeat !== undefined) addPart("repeat", repeat);

  const masked = [
    ...quoted,
    ...tokenSpans,
    ...reminderSpans,
    ...findHashWords(input, quoted),
    ...kept,
    ...(repeat === undefined ? [] : [repeat]),
  ];
  const due = findDue(input, gaps(input.length, masked), {
    now: options.now,
    timeZone: options.timeZone,
    dateOrder: options.dateOrder ?? "month-first",
    isIgnored: (text) => isIgnored(ignore, "date", text),
  });
  for (const span of due?.spans ?? []) addPart("date", span);
  parts.sort((a, b) => a.start - b.start);

  const presetDate = preset.dueDate ?? null;
  const dueDate = due ? due.dueDate : presetDate;
  const today = () => formatDate(wallClockIn(options.now, options.timeZone));
  const finalDate = repeat === undefined ? dueDate : firstDate(repeat.rule, dueDate ?? today());
  return {
    title: titleWithout(input, parts),
    dueDate: finalDate,
    dueTime: due ? due.dueTime : presetDate === null ? null : (preset.dueTime ?? null),
    priority: typedPriority ?? preset.priority ?? "none",
    labels,
    recurrence: repeat?.rule ?? null,
    recurrenceFrom: repeat?.from ?? "due",
    reminders: finalDate === null ? [] : offsets,
    parts,
  };
}

/**
 * The first repeat phrase outside quotes and tokens that the user has not turned back into
 * text (the text is read with those stretches blanked, so offsets stay the same), and the
 * phrases kept as text, which no date may be read from either.
 */
function findRepeat(
  input: string,
  masked: readonly Span[],
  ignore: readonly IgnoredPart[],
): { repeat: Repeat | undefined; kept: Span[] } {
  let text = input;
  const kept: Span[] = [];
  const blank = (span: Span) => {
    text = text.slice(0, span.start) + " ".repeat(span.end - span.start) + text.slice(span.end);
  };
  for (const span of masked) blank(span);
  for (;;) {
    const found = readRepeat(text);
    if (found === undefined) return { repeat: undefined, kept };
    if (!isIgnored(ignore, "repeat", input.slice(found.start, found.end))) {
      return { repeat: found, kept };
    }
    kept.push(found);
    blank(found);
  }
}

/**
 * Turns a recognised part back into title text ("removing a chip keeps that text in the title")
 * and parses again. Keep the returned `ignore` list and pass it with every later parse of the
 * same line: it matches by kind and text, so it holds while the rest of the line is edited.
 */
export function ignorePart(
  input: string,
  part: QuickAddPart,
  options: QuickAddOptions,
): { ignore: IgnoredPart[]; result: QuickAddResult } {
  const ignore = [...(options.ignore ?? []), { kind: part.kind, text: part.text }];
  return { ignore, result: parseQuickAdd(input, { ...options, ignore }) };
}

const JOINING_PUNCTUATION = /^[,.;:!?)]+(?=\s|$)/u;
const LEADING_SEPARATORS = /^[\s,;:\u2013\u2014-]+/u;
const TRAILING_SEPARATORS = /[\s,;:\u2013\u2014-]+$/u;

/**
 * The input without its parts, whitespace collapsed. Where a part was cut out, punctuation that
 * followed it closes up ("Call Ana tomorrow, then Bob" → "Call Ana, then Bob") and separators
 * left dangling at either end go ("Tomorrow: pay rent" → "pay rent").
 */
function titleWithout(input: string, parts: readonly QuickAddPart[]): string {
  const pieces: string[] = [];
  let cursor = 0;
  for (const part of parts) {
    pieces.push(input.slice(cursor, part.start));
    cursor = part.end;
  }
  pieces.push(input.slice(cursor));
  const cleaned = pieces.map((piece) => piece.replace(/\s+/gu, " ").trim());
  let title = "";
  for (const piece of cleaned) {
    if (piece === "") continue;
    if (title === "") title = piece;
    else if (!JOINING_PUNCTUATION.test(piece)) title = `${title} ${piece}`;
    else title = title.replace(/[,;:]$/u, "") + piece;
  }
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (first !== undefined && input.slice(0, first.start).trim() === "") {
    title = title.replace(LEADING_SEPARATORS, "");
  }
  if (last !== undefined && input.slice(last.end).trim() === "") {
    title = title.replace(TRAILING_SEPARATORS, "");
  }
  return title;
}
