import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { trashedTasks } from "../db/schema.ts";
import { type Cursor, keyReadsAs } from "./cursor.ts";
import { type TaskPage, TOTAL_COUNT_CAP } from "./list-page.ts";
import { fingerprintOf } from "./list-query.ts";
import { trashedTaskJsonSql } from "./task-json.ts";
import { inTrash } from "./trash.ts";

/**
 * One page of the caller's trash in one round trip, newest deletion first (then -created_at,
 * -id), as list-page.ts makes a page of their tasks: the JSON array, the count (up to
 * TOTAL_COUNT_CAP) and the next page's position, whose key is the last task's `deleted_at`.
 */

/** The trash list's fingerprint: its cursors are refused by the other lists, theirs by it. */
export const TRASH_QUERY = fingerprintOf(["trashed"]);

/** True when `cursor` was made by the trash list. */
export const trashCursorFits = (cursor: Cursor) =>
  cursor.query === TRASH_QUERY && cursor.key !== null && keyReadsAs(cursor.key, "timestamptz");

const t = trashedTasks;
const order = sql`${t.deletedAt} desc, ${t.createdAt} desc, ${t.id} desc`;

export async function listTrashPage(
  db: Db,
  params: { userId: string; limit: number; after?: Cursor | undefined },
): Promise<TaskPage> {
  const { userId, limit, after: cursor } = params;
  const where = and(eq(t.userId, userId), inTrash);
  const position = cursor
    ? sql` and (${t.deletedAt}, ${t.createdAt}, ${t.id}) < (${cursor.key}::timestamptz, ${cursor.createdAt.toISOString()}::timestamptz, ${cursor.id}::uuid)`
    : sql``;
  const counted = sql`(select count(*)::int from (select 1 from ${t} where ${where}
    limit ${TOTAL_COUNT_CAP + 1}) as capped)`;
  const total = cursor
    ? counted
    : sql`coalesce((select count(*)::int from page having count(*) <= ${limit}), ${counted})`;
  const last = (column: string) =>
    sql.raw(`(select ${column} from page where n = `).append(sql`${limit})`);
  const [page] = await db
    .select({
      total: sql<number>`total`.mapWith(Number),
      items: sql<string>`items`,
      lastId: sql<string | null>`last_id`,
      lastCreatedAt: sql<Date | null>`last_created_at`.mapWith(t.createdAt),
      lastSortKey: sql<string | null>`last_sort_key`,
      more: sql<boolean>`more`,
    })
    .from(sql`(with page as (
  select ${t.id} as id, ${t.createdAt} as created_at, ${trashedTaskJsonSql} as json,
    (${t.deletedAt})::text as sort_key, row_number() over (order by ${order}) as n
  from ${t} where ${where}${position}
  order by ${order} limit ${limit}::int + 1
)
select ${total} as total,
  '[' || coalesce((select string_agg(json, ',' order by n) from page where n <= ${limit}), '') || ']' as items,
  ${last("id::text")} as last_id,
  ${last("created_at")} as last_created_at,
  ${last("sort_key")} as last_sort_key,
  (select count(*) > ${limit} from page) as more) as result`);
  if (page === undefined) throw new Error("the trash statement returned no row");
  const { items, lastId, lastCreatedAt, lastSortKey, more } = page;
  const next =
    more && lastId !== null && lastCreatedAt !== null
      ? { key: lastSortKey, createdAt: lastCreatedAt, id: lastId, query: TRASH_QUERY }
      : undefined;
  return { json: items, total: page.total > TOTAL_COUNT_CAP ? undefined : page.total, next };
}
