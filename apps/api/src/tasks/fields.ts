/**
 * The task's organising fields as stored: priorities as their rank, labels with their keys.
 * Both are computed here and only here.
 */

export const PRIORITIES = ["none", "low", "medium", "high"] as const;
export type Priority = (typeof PRIORITIES)[number];

/** The stored rank of a priority: none 0 < low 1 < medium 2 < high 3. */
export const priorityRank = (priority: Priority): number => PRIORITIES.indexOf(priority);

export const priorityName = (rank: number): Priority => PRIORITIES[rank] ?? "none";

/** A label's key: what makes two spellings the same label. */
export const labelKey = (label: string): string => label.toLowerCase();

/** Code-point order (as Postgres' "C" collation compares), not JavaScript's UTF-16 order. */
export function compareCodePoints(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const x = left[i]?.codePointAt(0) ?? 0;
    const y = right[i]?.codePointAt(0) ?? 0;
    if (x !== y) return x - y;
  }
  return left.length - right.length;
}

export type StoredLabels = { labels: string[]; labelKeys: string[] };

/**
 * Labels as stored: trimmed, the first spelling of each key kept, sorted by key in code-point
 * order, with their keys in the same order.
 */
export function storedLabels(labels: readonly string[]): StoredLabels {
  const byKey = new Map<string, string>();
  for (const raw of labels) {
    const label = raw.trim();
    const key = labelKey(label);
    if (!byKey.has(key)) byKey.set(key, label);
  }
  const keys = [...byKey.keys()].sort(compareCodePoints);
  return { labels: keys.map((key) => byKey.get(key) ?? key), labelKeys: keys };
}
