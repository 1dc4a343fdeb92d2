import { createHash } from "node:crypto";
import { and, eq, isNotNull, isNull, lte, type SQL, sql } from "drizzle-orm";
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
  /** true: only tasks with a recurrence; false: only those without. */
  recurring?: boolean | undefined;
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
    query.recurring === undefined ? "" : String(query.recurring),
    query.q ?? "",
    query.sort ?? "-created_at",
  ];
  return fingerprintOf(canonical);
}

/** A list's values as a cursor's fingerprint: 16 base64url characters of their digest. */
export const fingerprintOf = (canonical: readonly string[]): string =>
  createHash("sha256").update(JSON.stringify(canonical)).digest("base64url").slice(0, 16);

/** A value the list statement receives: its placeholder, cast to its Postgres type. */
const value = (name: keyof FilterValues, type: string) =>
  sql`${sql.placeholder(name)}::${sql.raw(type)}`;

/** The search text as SQL compares it: lower-cased, without accents (filterValues escapes LIKE's wildcards). */
const folded = sql`(select task_fold(${value("q", "text")}))`;
const pattern = sql`(select '%' || task_fold(${value("q", "text")}) || '%')`;
const words = sql`(select plainto_tsquery('english', task_fold(${value("q", "text")})))`;
const document = searchDocument(tasks);
const titleDocument = sql`task_fold(${tasks.title})`;

/**
 * A task matches a search when its folded text holds the search as a substring, has a word
 * like it (trigrams, `<%`: typos), or holds its words in any English form (stems).
 */
function searchMatch(doc: SQL): SQL {
  return sql`(${doc} like ${pattern} or ${folded} <% ${doc}
    or to_tsvector('english', ${doc}) @@ ${words})`;
}

/** Best first: a match in the title counts double, then how alike the words are. */
export const relevance: SQL = sql`round((2 * (${searchMatch(titleDocument)})::int + word_similarity(${folded}, ${titleDocument})
    + word_similarity(${folded}, ${document}))::numeric, 6)`;

const dueDay = value("dueFrom", "date");

function dueCondition(due: DueFilter): SQL | undefined {
  switch (due) {
    case "overdue":
      return and(eq(tasks.isCompleted, false), lte(tasks.dueAt, sql`now()`));
    case "today":
    case "tomorrow":
      return sql`${tasks.dueDate} = ${dueDay}`;
    case "week":
      return sql`${tasks.dueDate} between ${dueDay} and ${value("dueTo", "date")}`;
    case "none":
      return isNull(tasks.dueDate);
    case "any":
      return isNotNull(tasks.dueDate);
  }
}

/**
 * The condition a task of the list's owner meets to be on the list: which filters are present
 * shapes the statement, their values are its placeholders (filterValues), so that each shape is
 * prepared once (list-page.ts).
 */
export function matching(filters: ListFilters): SQL | undefined {
  const { status, priorities, labelKeys, due, dueBefore, dueAfter, recurring, q } = filters;
  return and(
    sql`${tasks.userId} = ${value("owner", "text")}`,
    status === "all" ? undefined : eq(tasks.isCompleted, status === "completed"),
    priorities?.length
      ? sql`${tasks.priority} = any(${value("priorities", "smallint[]")})`
      : undefined,
    labelKeys?.length ? sql`${tasks.labelKeys} @> ${value("labelKeys", "text[]")}` : undefined,
    due === undefined ? undefined : dueCondition(due),
    dueBefore === undefined ? undefined : sql`${tasks.dueDate} <= ${value("dueBefore", "date")}`,
    dueAfter === undefined ? undefined : sql`${tasks.dueDate} >= ${value("dueAfter", "date")}`,
    recurring === undefined
      ? undefined
      : recurring
        ? isNotNull(tasks.recurrence)
        : isNull(tasks.recurrence),
    q === undefined ? undefined : searchMatch(document),
  );
}

/** Which filters a list has (with its status, sort and kind of cursor, its statement's shape). */
export function filterShape(filters: ListFilters): string {
  const { status, priorities, labelKeys, due, dueBefore, dueAfter, recurring, q } = filters;
  const has = (present: unknown) => (present ? "1" : "0");
  return `${status} p${has(priorities?.length)} l${has(labelKeys?.length)} d:${due ?? ""} b${has(dueBefore)} a${has(dueAfter)} r:${recurring ?? ""} q${has(q !== undefined)}`;
}

/** The values of a list's filters, by placeholder name (those its shape lacks are unused). */
export type FilterValues = {
  owner: string;
  priorities: string | null;
  labelKeys: string | null;
  dueFrom: string | null;
  dueTo: string | null;
  dueBefore: string | null;
  dueAfter: string | null;
  q: string | null;
};

export function filterValues(owner: string, filters: ListFilters): FilterValues {
  const { priorities, labelKeys, due, timeZone = "UTC", dueBefore, dueAfter, q } = filters;
  return {
    owner,
    priorities: priorities?.length ? `{${priorities.map(priorityRank).join(",")}}` : null,
    labelKeys: labelKeys?.length ? textArray(labelKeys) : null,
    dueFrom:
      due === "today" || due === "week"
        ? calendarDay(timeZone)
        : due === "tomorrow"
          ? calendarDay(timeZone, 1)
          : null,
    dueTo: due === "week" ? calendarDay(timeZone, 6) : null,
    dueBefore: dueBefore ?? null,
    dueAfter: dueAfter ?? null,
    q: q === undefined ? null : q.replace(/[\\%_]/g, "\\$&"),
  };
}

/** Texts as a Postgres array literal: each element quoted, its quotes and backslashes escaped. */
const textArray = (items: string[]) =>
  `{${items.map((item) => `"${item.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
