import { createHash } from "node:crypto";
import {
  and,
  arrayContains,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  type Placeholder,
  type SQL,
  sql,
} from "drizzle-orm";
import { searchDocument, tasks } from "../db/schema.ts";
import { calendarDay } from "./due.ts";
import { type Priority, priorityRank } from "./fields.ts";

/** What a list shows: its filters (all combined with AND) and its order. */

export const TASK_STATUSES = ["all", "pending", "completed"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const DUE_FILTERS = ["overdue", "today", "tomorrow", "week", "none", "any"] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

export const SORT_KEYS = ["created_at", "updated_at", "due_at", "priority", "title"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SORTS = [
  ...SORT_KEYS,
  ...SORT_KEYS.map((key) => `-${key}` as const),
  "relevance",
] as const;
export type Sort = (typeof SORTS)[number];

export type ListFilters = {
  status: TaskStatus;
  priorities?: Priority[] | undefined;
  /** Label keys (labelKey): tasks holding every one. */
  labelKeys?: string[] | undefined;
  due?: DueFilter | undefined;
  /** Whose today `due` means (an IANA name); UTC when undefined. */
  timeZone?: string | undefined;
  dueBefore?: string | undefined;
  dueAfter?: string | undefined;
  q?: string | undefined;
};

/** `sort` undefined: -created_at. */
export type ListQuery = ListFilters & { sort?: Sort | undefined };

/** A digest of the filters and sort: a cursor made for one query is refused by another. */
export function queryFingerprint(query: ListQuery): string {
  const canonical = [
    query.status,
    [...(query.priorities ?? [])].sort().join(","),
    [...(query.labelKeys ?? [])].sort().join(","),
    query.due ?? "",
    query.due === undefined ? "" : (query.timeZone ?? "UTC"),
    query.dueBefore ?? "",
    query.dueAfter ?? "",
    query.q ?? "",
    query.sort ?? "-created_at",
  ];
  return fingerprintOf(canonical);
}

/** A list's values as a cursor's fingerprint: 16 base64url characters of their digest. */
export const fingerprintOf = (canonical: readonly string[]): string =>
  createHash("sha256").update(JSON.stringify(canonical)).digest("base64url").slice(0, 16);

/** The search text as SQL compares it: lower-cased, without accents, LIKE's wildcards escaped. */
const folded = (q: string) => sql`task_fold(${q.replace(/[\\%_]/g, "\\$&")})`;
const document = searchDocument(tasks);
const titleDocument = sql`task_fold(${tasks.title})`;

/**
 * A task matches a search when its folded text holds the search as a substring, has a word
 * like it (trigrams, `<%`: typos), or holds its words in any English form (stems).
 */
function searchMatch(q: string, doc: SQL): SQL {
  const text = folded(q);
  return sql`(${doc} like '%' || ${text} || '%' or ${text} <% ${doc}
    or to_tsvector('english', ${doc}) @@ plainto_tsquery('english', ${text}))`;
}

/** Best first: a match in the title counts double, then how alike the words are. */
export function relevance(q: string): SQL {
  const text = folded(q);
  return sql`round((2 * (${searchMatch(q, titleDocument)})::int + word_similarity(${text}, ${titleDocument})
    + word_similarity(${text}, ${document}))::numeric, 6)`;
}

function dueCondition(due: DueFilter, timeZone = "UTC"): SQL | undefined {
  switch (due) {
    case "overdue":
      return and(eq(tasks.isCompleted, false), lte(tasks.dueAt, sql`now()`));
    case "today":
      return eq(tasks.dueDate, calendarDay(timeZone));
    case "tomorrow":
      return eq(tasks.dueDate, calendarDay(timeZone, 1));
    case "week":
      return and(
        gte(tasks.dueDate, calendarDay(timeZone)),
        lte(tasks.dueDate, calendarDay(timeZone, 6)),
      );
    case "none":
      return isNull(tasks.dueDate);
    case "any":
      return isNotNull(tasks.dueDate);
  }
}

/** The condition a task of `userId` meets to be on the list. */
export function matching(userId: string | Placeholder, filters: ListFilters): SQL | undefined {
  const { status, priorities, labelKeys, due, timeZone, dueBefore, dueAfter, q } = filters;
  return and(
    eq(tasks.userId, userId),
    status === "all" ? undefined : eq(tasks.isCompleted, status === "completed"),
    priorities?.length ? inArray(tasks.priority, priorities.map(priorityRank)) : undefined,
    labelKeys?.length ? arrayContains(tasks.labelKeys, labelKeys) : undefined,
    due === undefined ? undefined : dueCondition(due, timeZone),
    dueBefore === undefined ? undefined : lte(tasks.dueDate, dueBefore),
    dueAfter === undefined ? undefined : gte(tasks.dueDate, dueAfter),
    q === undefined ? undefined : searchMatch(q, document),
  );
}
