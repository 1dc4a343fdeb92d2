/**
 * The API's rules for a label (and a task's labels), to say in words what is wrong before sending:
 * trimmed, 1–50 characters, no commas or control characters, not starting with `#`, at most 20 on
 * a task; two spellings that differ only in case are the same label.
 */
export const LABEL_MAX = 50;
export const LABELS_MAX = 20;

const chars = (text: string) => [...text].length;

/** What is wrong with `name` as a label, in words; null when it is fine. */
export function labelProblem(name: string): string | null {
  const label = name.trim();
  if (label === "") return "Enter a name for the label.";
  if (chars(label) > LABEL_MAX) return `Keep a label to ${LABEL_MAX} characters or fewer.`;
  if (label.includes(",")) return "A label can't contain a comma.";
  if (label.startsWith("#")) return "A label can't start with #.";
  if (/\p{Cc}/u.test(label)) return "A label can't contain control characters.";
  return null;
}

/** What makes two spellings the same label. */
export const labelKey = (name: string) => name.trim().toLowerCase();

export const sameLabel = (a: string, b: string) => labelKey(a) === labelKey(b);

/**
 * Labels as the API keeps them: trimmed, the first spelling of each kept, sorted ignoring case.
 */
export function normalizeLabels(labels: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  for (const raw of labels) {
    const label = raw.trim();
    if (!byKey.has(labelKey(label))) byKey.set(labelKey(label), label);
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, label]) => label);
}

/** `labels` with `from` (any spelling) renamed to `to`, merging into a label already called that; removed when `to` is null. */
export function relabel(labels: readonly string[], from: string, to: string | null): string[] {
  if (!labels.some((label) => sameLabel(label, from))) return [...labels];
  const kept = labels.filter((label) => !sameLabel(label, from));
  return normalizeLabels(to === null ? kept : [to, ...kept]);
}
