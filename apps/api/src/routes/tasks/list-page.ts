import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { perDatabase } from "../../db/per-database.ts";
import { tasks } from "../../db/schema.ts";
import type { Cursor } from "./cursor.ts";
import type { TaskStatus } from "./schema.ts";

/**
 * One page of the caller's tasks, newest first, in one round trip: the page as the JSON array
 * the API answers with (each task's `as_json`, kept by Postgres on every write, joined), how many
 * tasks match `status` (counted up to TOTAL_COUNT_CAP), and where the next page starts, if there
 * is one. Node neither parses rows nor serialises them.
 */
export type TaskPage = {
  json: string;
  /** How many tasks match; undefined when more than TOTAL_COUNT_CAP do. */
  total: number | undefined;
  next: Cursor | undefined;
};

export type ListParams = { userId: string; status: TaskStatus; limit: number; after?: Cursor };

/**
 * Counting stops here: a page costs the same for a user with a million tasks as for one with
 * ten thousand (its index walk, not a count of everything).
 */
export const TOTAL_COUNT_CAP = 10_000;

/**
 * `column` as `2026-01-31T09:30:00.000Z`. The colons are quoted literals of the format, which
 * to_char copies as they are, so that pgbench (the benchmark runs this statement) does not read
 * `:MI` as one of its variables.
 */
const isoUtc = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24":"MI":"SS.MS"Z"')`);

/**
 * The statement behind `listTaskPage` for one kind of list (this `status`, with or without a
 * cursor). Placeholders: `owner`, `lim`, and with a cursor `afterAt`, `afterId`. The benchmark
 * measures it alone as the list ceiling.
 */
export function listPageStatement(status: TaskStatus, afterCursor: boolean): SQL {
  const owner = sql.placeholder("owner");
  const lim = sql`${sql.placeholder("lim")}::int`;
  const matching = and(
    sql`${tasks.userId} = ${owner}`,
    status === "all" ? undefined : eq(tasks.isCompleted, status === "completed"),
  );
  const position = afterCursor
    ? sql`(${tasks.createdAt}, ${tasks.id}) < (${sql.placeholder("afterAt")}::timestamptz, ${sql.placeholder("afterId")}::uuid)`
    : undefined;
  const counted = sql`(select count(*)::int from (select 1 from ${tasks} where ${matching}
    limit ${TOTAL_COUNT_CAP + 1}) as capped)`;
  // A first page that holds every matching task has counted them already: only a longer list
  // is counted apart (the second operand of coalesce runs only when the first is null).
  const total = afterCursor
    ? counted
    : sql`coalesce((select count(*)::int from page having count(*) <= ${lim}), ${counted})`;
  return sql`with page as (
  select id, created_at, as_json, row_number() over (order by created_at desc, id desc) as n
  from ${tasks} where ${and(matching, position)}
  order by created_at desc, id desc limit ${lim} + 1
)
select
  ${total} as total,
  coalesce((select '[' || string_agg(as_json, ',' order by n) || ']' from page where n <= ${lim}), '[]') as items,
  (select ${isoUtc("created_at")} from page where n = ${lim}) as last_created_at,
  (select id::text from page where n = ${lim}) as last_id,
  (select count(*) > ${lim} from page) as more`;
}

type PageRow = {
  total: number;
  items: string;
  lastCreatedAt: string | null;
  lastId: string | null;
  more: boolean;
};

function prepareLists(db: Db) {
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
  return {
    all: { first: prepare("all", false), after: prepare("all", true) },
    pending: { first: prepare("pending", false), after: prepare("pending", true) },
    completed: { first: prepare("completed", false), after: prepare("completed", true) },
  } satisfies Record<TaskStatus, Record<"first" | "after", unknown>>;
}

const statements = perDatabase(prepareLists);

/** One page of `userId`'s tasks. */
export async function listTaskPage(db: Db, params: ListParams): Promise<TaskPage> {
  const { userId, status, limit, after } = params;
  const kind = statements(db)[status];
  const [row]: PageRow[] = after
    ? await kind.after.execute({
        owner: userId,
        lim: limit,
        afterAt: after.createdAt.toISOString(),
        afterId: after.id,
      })
    : await kind.first.execute({ owner: userId, lim: limit });
  if (row === undefined) throw new Error("the list statement returned no row");
  const next =
    row.more && row.lastCreatedAt && row.lastId
      ? { createdAt: new Date(row.lastCreatedAt), id: row.lastId }
      : undefined;
  return { json: row.items, total: row.total > TOTAL_COUNT_CAP ? undefined : row.total, next };
}
