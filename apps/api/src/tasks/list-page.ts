import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { tasks } from "../db/schema.ts";
import type { Cursor } from "./cursor.ts";
import { taskJsonSql } from "./task-json.ts";

/**
 * One page of the caller's tasks, newest first, in one round trip: the page as the JSON array the
 * API answers with (each task's JSON made by Postgres, task-json.ts), how many tasks match
 * `status` (counted up to TOTAL_COUNT_CAP), and where the next page starts, if there is one.
 */
export type TaskPage = {
  json: string;
  /** How many tasks match; undefined when more than TOTAL_COUNT_CAP do. */
  total: number | undefined;
  next: Cursor | undefined;
};

export const TASK_STATUSES = ["all", "pending", "completed"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export type ListParams = { userId: string; status: TaskStatus; limit: number; after?: Cursor };

/**
 * Counting stops here: a page costs the same for a user with a million tasks as for one with
 * ten thousand (its index walk, not a count of everything).
 */
export const TOTAL_COUNT_CAP = 10_000;

/** What the statement gives for each task of the page; nulls in the one row of an empty page. */
const pageFields = {
  id: sql<string | null>`id`,
  createdAt: sql<Date | null>`created_at`.mapWith(tasks.createdAt),
  json: sql<string | null>`json`,
};

type PageRow = { id: string; createdAt: Date; json: string };
const isTask = <R extends { id: string | null }>(row: R): row is R & PageRow => row.id !== null;

/**
 * The page (one row more than `limit`, to know whether more remain) left-joined to its total, so
 * that an empty page still answers with the count. A first page that holds every matching task
 * has counted them already: only a longer list is counted apart (the second operand of coalesce
 * runs only when the first is null).
 */
function pageStatement(
  matching: SQL | undefined,
  position: SQL | undefined,
  first: boolean,
  limit: number,
) {
  const counted = sql`(select count(*)::int from (select 1 from ${tasks} where ${matching}
    limit ${TOTAL_COUNT_CAP + 1}) as capped)`;
  const total = first
    ? sql`coalesce((select count(*)::int from page having count(*) <= ${limit}), ${counted})`
    : counted;
  const order = sql`created_at desc, id desc`;
  return sql`with page as (
  select ${tasks.id}, ${tasks.createdAt}, ${taskJsonSql} as json
  from ${tasks} where ${and(matching, position)}
  order by ${order} limit ${limit + 1}
)
select counted.total, page.* from (select ${total} as total) as counted
  left join page on true order by ${order}`;
}

/** One page of `userId`'s tasks. */
export async function listTaskPage(db: Db, params: ListParams): Promise<TaskPage> {
  const { userId, status, limit, after } = params;
  const matching = and(
    eq(tasks.userId, userId),
    status === "all" ? undefined : eq(tasks.isCompleted, status === "completed"),
  );
  const position = after
    ? sql`(${tasks.createdAt}, ${tasks.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`
    : undefined;
  const result = await db
    .select({ ...pageFields, total: sql<number>`total`.mapWith(Number) })
    .from(sql`(${pageStatement(matching, position, after === undefined, limit)}) as result`);
  const found = result.filter(isTask).map(({ total: _, ...row }) => row);
  const rows = found.slice(0, limit);
  const last = rows[rows.length - 1];
  const next =
    found.length > limit && last ? { createdAt: last.createdAt, id: last.id } : undefined;
  const total = result[0]?.total ?? 0;
  const json = `[${rows.map((row) => row.json).join(",")}]`;
  return { json, total: total > TOTAL_COUNT_CAP ? undefined : total, next };
}
