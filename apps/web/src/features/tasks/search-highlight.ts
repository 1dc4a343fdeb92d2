/**
 * Which words of a task's text a search matched, to mark them in the results. The API decides what
 * matches (ignoring case and accents, substrings, word forms, small typos); this marks the words
 * that match a word of the search in the same ways, approximately: holding it, or alike in
 * trigrams as Postgres' pg_trgm measures (at its threshold, 0.5), which also covers most word forms.
 */

export interface TextPart {
  text: string;
  match: boolean;
  /** Where the part starts in the text. */
  start: number;
}

/** The API's limit on a search. */
export const SEARCH_MAX = 200;

const WORD = /[\p{L}\p{N}]+/gu;
const SIMILARITY_THRESHOLD = 0.5;

/** Lower-cased, without accents ("Café" → "cafe"). */
export const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** A word's trigrams as pg_trgm makes them: padded with two spaces before and one after. */
function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const grams = new Set<string>();
  const chars = [...padded];
  for (let i = 0; i + 3 <= chars.length; i += 1) grams.add(chars.slice(i, i + 3).join(""));
  return grams;
}

/** pg_trgm's similarity: shared trigrams over all distinct trigrams of both words. */
export function similarity(a: string, b: string): number {
  const left = trigrams(a);
  const right = trigrams(b);
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared += 1;
  return shared / (left.size + right.size - shared);
}

/** The words of a search, folded; an empty list when there is nothing to look for. */
export const searchTerms = (query: string) => fold(query).match(WORD) ?? [];

function wordMatches(word: string, terms: readonly string[]): boolean {
  const folded = fold(word);
  return terms.some(
    (term) =>
      folded.includes(term) ||
      (term.length >= 3 && similarity(folded, term) >= SIMILARITY_THRESHOLD),
  );
}

/** `text` cut into parts, the words the search matched marked. Plain text: safe to render. */
export function highlightParts(text: string, query: string): TextPart[] {
  const terms = searchTerms(query);
  if (terms.length === 0) return [{ text, match: false, start: 0 }];
  const parts: TextPart[] = [];
  const push = (start: number, piece: string, match: boolean) => {
    if (!piece) return;
    const last = parts.at(-1);
    if (last && last.match === match) last.text += piece;
    else parts.push({ text: piece, match, start });
  };
  let end = 0;
  for (const found of text.matchAll(WORD)) {
    push(end, text.slice(end, found.index), false);
    push(found.index, found[0], wordMatches(found[0], terms));
    end = found.index + found[0].length;
  }
  push(end, text.slice(end), false);
  return parts;
}
