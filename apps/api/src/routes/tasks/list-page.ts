import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { perDatabase } from "../../db/per-database.ts";
import { tasks } from "../../db/schema.ts";
import type { Cursor } from "./cursor.ts";
import type { TaskStatus } from "./schema.ts";

/**
 * One page of the caller's tasks, newest first, in one round trip: the page as the JSON array
 * the API answers with (each task's `as_json`, kept by Postgres on every write, joined), how many
 * tasks match `status`, and where the next page starts, if there is one. Node neither parses rows
 * nor serialises them.
 */
export type TaskPage = { json: string; total: number; next: Cursor | undefined };

export type ListParams = { userId: string; status: TaskStatus; limit: number; after?: Cursor };

/**
 * `column` as `2026-01-31T09:30:00.000Z`. The colons are quoted literals of the format, which
 * to_char copies as they are, so that pgbench (the benchmark runs this statement) does not read
 * `:MI` as one of its variables.
 */
const isoUtc = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24":"MI":"SS.MS"Z"')`);

/**
 * The statement behind `listTaskPage`, with placeholders `userId` and `limit` (and `afterCreatedAt`,
 * `afterId` after a cursor). The benchmark measures it alone as the list ceiling.
 */
export function listPageStatement(status: TaskStatus, afterCursor: boolean): SQL {
  const limit = sql`${sql.placeholder("limit")}::int`;
  const matching = and(
    eq(tasks.userId, sql.placeholder("userId")),
    status === "all" ? undefined : eq(tasks.isCompleted, status === "completed"),
  );
  const position = afterCursor
    ? sql`(${tasks.createdAt}, ${tasks.id}) < (${sql.placeholder("afterCreatedAt")}::timestamptz, ${sql.placeholder("afterId")}::uuid)`
    : undefined;
  return sql`with page as (
  select id, created_at, as_json,
    row_number() over (order by created_at desc, id desc) as n
  from ${tasks} where ${and(matching, position)}
  order by created_at desc, id desc limit ${limit} + 1
)
select
  (select count(*)::int from ${tasks} where ${matching}) as total,
  coalesce((select '[' || string_agg(as_json, ',' order by n) || ']' from page where n <= ${limit}), '[]') as items,
  (select ${isoUtc("created_at")} from page where n = ${limit}) as last_created_at,
  (select id::text from page where n = ${limit}) as last_id,
  (select count(*) > ${limit} from page) as more`;
}

const STATUSES = ["all", "pending", "completed"] as const satisfies TaskStatus[];

function prepareAll(db: Db) {
  // Selected from the statement as a subquery, so Drizzle can prepare it under a name.
  const prepare = (status: TaskStatus, afterCursor: boolean) =>
    db
      .select({
        total: sql<number>`total`,
        items: sql<string>`items`,
        lastCreatedAt: sql<string | null>`last_created_at`,
        lastId: sql<string | null>`last_id`,
        more: sql<boolean>`more`,
      })
      .from(sql`(${listPageStatement(status, afterCursor)}) as result`)
      .prepare(`list_page_${status}${afterCursor ? "_after" : ""}`);
  return Object.fromEntries(
    STATUSES.map((status) => [
      status,
      { first: prepare(status, false), after: prepare(status, true) },
    ]),
  ) as Record<TaskStatus, Record<"first" | "after", ReturnType<typeof prepare>>>;
}

const prepared = perDatabase(prepareAll);

export async function listTaskPage(db: Db, params: ListParams): Promise<TaskPage> {
  const { userId, status, limit, after } = params;
  const statements = prepared(db);
  const [row] = after
    ? await statements[status].after.execute({
        userId,
        limit,
        afterCreatedAt: after.createdAt.toISOString(),
        afterId: after.id,
      })
    : await statements[status].first.execute({ userId, limit });
  if (!row) throw new Error("the list statement returned no row");
  const next =
    row.more && row.lastCreatedAt && row.lastId
      ? { createdAt: new Date(row.lastCreatedAt), id: row.lastId }
      : undefined;
  return { json: row.items, total: row.total, next };
}
