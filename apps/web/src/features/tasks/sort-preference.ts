import { isSortKey, type SortKey } from "./task-sort";
import type { TaskView } from "./task-views";

/**
 * The order last chosen in each view, kept in a cookie so the server renders a view in it on the
 * first load (a view opened without `?sort=` shows in its last order).
 */
export const SORT_COOKIE = "task_sort";

/** Each view's last order, by `viewSortKey`. */
export type SortPreferences = Readonly<Record<string, SortKey>>;

/** A cookie must stay under 4 KB: past this the oldest choices are forgotten first. */
const MAX_COOKIE_VALUE = 3_000;
const ONE_YEAR_S = 365 * 24 * 60 * 60;

/** One key per view; labels ignore case, as they do everywhere. */
export const viewSortKey = (view: TaskView) =>
  view.kind === "label" ? `label:${view.name.toLowerCase()}` : view.kind;

/** The cookie's value as preferences; anything unreadable counts as none. */
export function parseSortPreferences(value: string | undefined): SortPreferences {
  if (!value) return {};
  try {
    const parsed: unknown = JSON.parse(decodeURIComponent(value));
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, SortKey] => entry[0].length <= 60 && isSortKey(entry[1]),
      ),
    );
  } catch {
    return {};
  }
}

/** The preferences with `view`'s order set to `sort`, the newest choice last. */
export function withSortPreference(
  preferences: SortPreferences,
  view: TaskView,
  sort: SortKey,
): SortPreferences {
  const key = viewSortKey(view);
  const entries = Object.entries(preferences).filter(([other]) => other !== key);
  return Object.fromEntries([...entries, [key, sort]]);
}

/** The cookie's value: the newest choices that fit. */
export function serializeSortPreferences(preferences: SortPreferences): string {
  let entries = Object.entries(preferences);
  let value = encodeURIComponent(JSON.stringify(Object.fromEntries(entries)));
  while (value.length > MAX_COOKIE_VALUE && entries.length > 0) {
    entries = entries.slice(1);
    value = encodeURIComponent(JSON.stringify(Object.fromEntries(entries)));
  }
  return value;
}

export function writeSortCookie(preferences: SortPreferences): void {
  const value = serializeSortPreferences(preferences);
  // biome-ignore lint/suspicious/noDocumentCookie: a plain preference; the Cookie Store API is not everywhere
  document.cookie = `${SORT_COOKIE}=${value}; path=/; max-age=${ONE_YEAR_S}; samesite=lax`;
}
