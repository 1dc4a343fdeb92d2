import type { paths } from "@/lib/api-schema";
import type { Priority, Task } from "./task-api";

/** The API's `sort` values (`GET /api/tasks`), from its OpenAPI document. */
export type ApiSort = NonNullable<
  NonNullable<paths["/api/tasks"]["get"]["parameters"]["query"]>["sort"]
>;

/** The orders a view can be shown in, as the sort menu and the URL (`?sort=priority`) name them. */
export const SORT_KEYS = ["created", "due", "priority", "title"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** The order of every view until the user picks another: newest first, the API's default. */
export const DEFAULT_SORT: SortKey = "created";

const SORTS: Record<SortKey, { label: string; api: ApiSort }> = {
  created: { label: "Date added", api: "-created_at" },
  due: { label: "Due date", api: "due_at" },
  priority: { label: "Priority", api: "-priority" },
  title: { label: "Title", api: "title" },
};

export const sortLabel = (key: SortKey) => SORTS[key].label;

export function isSortKey(value: unknown): value is SortKey {
  return SORT_KEYS.some((key) => key === value);
}

/**
 * The `sort` to ask the API for; undefined for the default, so a list in the default order keeps
 * the query (and cache key) it always had.
 */
export const apiSortOf = (key: SortKey): ApiSort | undefined =>
  key === DEFAULT_SORT ? undefined : SORTS[key].api;

const PRIORITY_RANK: Record<Priority, number> = { none: 0, low: 1, medium: 2, high: 3 };

/** Code-point order, as the API compares lower-cased titles (not UTF-16 order). */
function compareCodePoints(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const diff = (left[i]?.codePointAt(0) ?? 0) - (right[i]?.codePointAt(0) ?? 0);
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}

/** The API's tie-break for every sort: newest first, then by id, descending. */
export function compareNewestFirst(a: Task, b: Task): number {
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? 1 : -1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? 1 : -1;
}

type Compare = (a: Task, b: Task) => number;

/** Tasks without a due moment come last whichever way the list runs. */
const byDueAt =
  (direction: 1 | -1): Compare =>
  (a, b) => {
    if (a.due_at === b.due_at) return 0;
    if (a.due_at === null) return 1;
    if (b.due_at === null) return -1;
    return (a.due_at < b.due_at ? -1 : 1) * direction;
  };

const KEYS: Partial<Record<ApiSort, Compare>> = {
  due_at: byDueAt(1),
  "-due_at": byDueAt(-1),
  priority: (a, b) => PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority],
  "-priority": (a, b) => PRIORITY_RANK[b.priority] - PRIORITY_RANK[a.priority],
  title: (a, b) => compareCodePoints(a.title.toLowerCase(), b.title.toLowerCase()),
  "-title": (a, b) => compareCodePoints(b.title.toLowerCase(), a.title.toLowerCase()),
  created_at: (a, b) => -compareNewestFirst(a, b),
};

/**
 * The API's order for `sort` (undefined: newest first), worked out on the client to place a
 * changed task in a cached list. Null for an order only the API knows (relevance).
 */
export function comparatorFor(sort: ApiSort | undefined): Compare | null {
  if (sort === undefined || sort === "-created_at") return compareNewestFirst;
  if (sort === "relevance" || sort === "updated_at" || sort === "-updated_at") return null;
  const key = KEYS[sort];
  if (!key) return null;
  return (a, b) => key(a, b) || compareNewestFirst(a, b);
}
