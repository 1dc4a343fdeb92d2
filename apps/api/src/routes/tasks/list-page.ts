import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { perDatabase } from "../../db/per-database.ts";
import { tasks } from "../../db/schema.ts";
import { createBatcher } from "../../lib/batcher.ts";
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
 * The statement behind `listTaskPage`, for a batch of concurrent list requests of one kind (this
 * `status`, with or without a cursor): placeholder `batch` is a JSON array of
 * `{i, owner, lim[, after_at, after_id]}`, and the answer is one row per request, carrying its `i`.
 * Each request's page is its own lateral subquery, filtered by its own owner. The benchmark
 * measures it alone, with batches of one request, as the list ceiling.
 */
export function listPageStatement(status: TaskStatus, afterCursor: boolean): SQL {
  const matching = and(
    sql`${tasks.userId} = b.owner`,
    status === "all" ? undefined : eq(tasks.isCompleted, status === "completed"),
  );
  const position = afterCursor
    ? sql`(${tasks.createdAt}, ${tasks.id}) < (b.after_at, b.after_id)`
    : undefined;
  const counted = sql`(select count(*)::int from ${tasks} where ${matching})`;
  // A first page that holds every matching task has counted them already: only a longer list
  // is counted apart (the second operand of coalesce runs only when the first is null). That
  // halves the statement's cost for the common case of fewer tasks than fit on a page.
  const total = afterCursor
    ? counted
    : sql`coalesce((select count(*)::int from page having count(*) <= b.lim), ${counted})`;
  return sql`select b.i, page.* from json_to_recordset(${sql.placeholder("batch")}::json)
  as b(i int, owner text, lim int, after_at timestamptz, after_id uuid)
cross join lateral (
  with page as (
    select id, created_at, as_json,
      row_number() over (order by created_at desc, id desc) as n
    from ${tasks} where ${and(matching, position)}
    order by created_at desc, id desc limit b.lim + 1
  )
  select
    ${total} as total,
    coalesce((select '[' || string_agg(as_json, ',' order by n) || ']' from page where n <= b.lim), '[]') as items,
    (select ${isoUtc("created_at")} from page where n = b.lim) as last_created_at,
    (select id::text from page where n = b.lim) as last_id,
    (select count(*) > b.lim from page) as more
) as page
order by b.i`;
}

/** One request of a batch, as the statement's JSON parameter names it. */
type BatchItem = { i: number; owner: string; lim: number; after_at?: string; after_id?: string };

type PageRow = {
  i: number;
  total: number;
  items: string;
  lastCreatedAt: string | null;
  lastId: string | null;
  more: boolean;
};

const STATUSES = ["all", "pending", "completed"] as const satisfies TaskStatus[];

/**
 * Batches of one kind in flight per process at most (lib/batcher.ts): a flood of lists leaves in
 * a few statements of many pages each, and a lone list goes out at once.
 */
const MAX_IN_FLIGHT = 3;
/** Pages per statement at most. */
const MAX_BATCH_SIZE = 64;

function listBatchers(db: Db) {
  // Selected from the statement as a subquery, so Drizzle can prepare it under a name.
  const batcher = (status: TaskStatus, afterCursor: boolean) => {
    const statement = db
      .select({
        i: sql<number>`i`,
        total: sql<number>`total`,
        items: sql<string>`items`,
        lastCreatedAt: sql<string | null>`last_created_at`,
        lastId: sql<string | null>`last_id`,
        more: sql<boolean>`more`,
      })
      .from(sql`(${listPageStatement(status, afterCursor)}) as result`)
      .prepare(`list_pages_${status}${afterCursor ? "_after" : ""}`);
    return createBatcher(
      async (params: ListParams[]): Promise<TaskPage[]> => {
        const batch = params.map(
          ({ userId, limit, after }, i): BatchItem => ({
            i,
            owner: userId,
            lim: limit,
            ...(after && { after_at: after.createdAt.toISOString(), after_id: after.id }),
          }),
        );
        const rows: PageRow[] = await statement.execute({ batch: JSON.stringify(batch) });
        // Each row goes back to the request whose `i` it carries: the order of a subquery's rows
        // is not something SQL promises.
        const pages: (TaskPage | undefined)[] = params.map(() => undefined);
        for (const row of rows) pages[row.i] = toPage(row);
        if (rows.length !== params.length || pages.includes(undefined)) {
          throw new Error(`the list statement returned ${rows.length} rows for ${params.length}`);
        }
        return pages as TaskPage[];
      },
      { maxInFlight: MAX_IN_FLIGHT, maxBatchSize: MAX_BATCH_SIZE },
    );
  };
  return Object.fromEntries(
    STATUSES.map((status) => [
      status,
      { first: batcher(status, false), after: batcher(status, true) },
    ]),
  ) as Record<TaskStatus, Record<"first" | "after", ReturnType<typeof batcher>>>;
}

function toPage(row: PageRow): TaskPage {
  const next =
    row.more && row.lastCreatedAt && row.lastId
      ? { createdAt: new Date(row.lastCreatedAt), id: row.lastId }
      : undefined;
  return { json: row.items, total: row.total, next };
}

const batchers = perDatabase(listBatchers);

/** Batched with concurrent lists of the same kind (lib/batcher.ts); filtered by `userId`. */
export function listTaskPage(db: Db, params: ListParams): Promise<TaskPage> {
  return batchers(db)[params.status][params.after ? "after" : "first"](params);
}
