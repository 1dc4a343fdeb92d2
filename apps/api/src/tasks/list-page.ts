import { type Placeholder, type SQL, sql } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import type { Db } from "../db/client.ts";
import { perDatabase } from "../db/per-database.ts";
import { tasks } from "../db/schema.ts";
import { type Cursor, keyReadsAs } from "./cursor.ts";
import {
  filterShape,
  filterValues,
  type ListQuery,
  matching,
  queryFingerprint,
  relevance,
  type Sort,
} from "./list-query.ts";
import { taskJsonSql } from "./task-json.ts";

/**
 * One page of the caller's tasks in one round trip: the page as the JSON array the API answers
 * with (each task's JSON made by Postgres, task-json.ts), how many tasks match the filters
 * (counted up to TOTAL_COUNT_CAP), and where the next page starts, if there is one.
 */
export type TaskPage = {
  json: string;
  /** How many tasks match; undefined when more than TOTAL_COUNT_CAP do. */
  total: number | undefined;
  next: Cursor | undefined;
};

export type ListParams = ListQuery & { userId: string; limit: number; after?: Cursor | undefined };

/**
 * Counting stops here: a page costs the same for a user with a million tasks as for one with
 * ten thousand (its index walk, not a count of everything).
 */
export const TOTAL_COUNT_CAP = 10_000;

/** The sort's own key: its expression, its type (to read a cursor's value back), its direction. */
type SortTerm = { key: SQL; type: string; descending: boolean; nullable: boolean };

function sortTerm(sort: Sort = "-created_at"): SortTerm | undefined {
  const descending = sort.startsWith("-") || sort === "relevance";
  switch (sort.replace(/^-/, "")) {
    case "created_at":
      return descending
        ? undefined
        : { key: sql`${tasks.createdAt}`, type: "timestamptz", descending, nullable: false };
    case "updated_at":
      return { key: sql`${tasks.updatedAt}`, type: "timestamptz", descending, nullable: false };
    case "due_at":
      return { key: sql`${tasks.dueAt}`, type: "timestamptz", descending, nullable: true };
    case "priority":
      return { key: sql`${tasks.priority}`, type: "smallint", descending, nullable: false };
    case "title":
      return {
        key: sql`lower(${tasks.title}) collate "C"`,
        type: "text",
        descending,
        nullable: false,
      };
    default:
      return { key: relevance, type: "numeric", descending: true, nullable: false };
  }
}

/** Every order ends by -created_at, then -id: pages never repeat or skip a task. */
const tieBreak = sql`${tasks.createdAt} desc, ${tasks.id} desc`;

function orderBy(term: SortTerm | undefined): SQL {
  if (term === undefined) return tieBreak;
  const nulls = term.nullable ? sql` nulls last` : sql``;
  return sql`${term.key} ${sql.raw(term.descending ? "desc" : "asc")}${nulls}, ${tieBreak}`;
}

/** Where the previous page ended: its last task's sort key (none: null), created_at and id. */
type Position = { key: Placeholder | null; at: Placeholder; id: Placeholder };

/** The tasks after `position`, in the order of `term`. */
function after(term: SortTerm | undefined, position: Position): SQL {
  const tie = sql`(${tasks.createdAt}, ${tasks.id}) < (${position.at}::timestamptz, ${position.id}::uuid)`;
  if (term === undefined) return tie;
  const { key, type, descending, nullable } = term;
  if (position.key === null) return sql`(${key} is null and ${tie})`;
  const value = sql`${position.key}::${sql.raw(type)}`;
  if (descending && !nullable) {
    return sql`(${key}, ${tasks.createdAt}, ${tasks.id}) < (${value}, ${position.at}::timestamptz, ${position.id}::uuid)`;
  }
  const beyond = descending ? sql`${key} < ${value}` : sql`${key} > ${value}`;
  const orNull = nullable ? sql` or ${key} is null` : sql``;
  return sql`(${beyond}${orNull} or (${key} = ${value} and ${tie}))`;
}

/**
 * The page in one row: the count, the tasks' JSON texts joined into the answer's array (in the
 * page's order), and the position of its last task, which starts the next page when `more`.
 */
const pageFields = {
  total: sql<number>`total`.mapWith(Number),
  items: sql<string>`items`,
  lastId: sql<string | null>`last_id`,
  lastCreatedAt: sql<Date | null>`last_created_at`.mapWith(tasks.createdAt),
  lastSortKey: sql<string | null>`last_sort_key`,
  more: sql<boolean>`more`,
};

/**
 * The page (one row more than `limit`, to know whether more remain) and its total. A first page
 * that holds every matching task has counted them already: only a longer list is counted apart
 * (the second operand of coalesce runs only when the first is null). A first page by relevance
 * reads every match to rank them, so it counts them on the way (`count(*) over ()`) instead of
 * searching a second time.
 */
function pageStatement(
  query: ListQuery,
  term: SortTerm | undefined,
  cursor: Position | undefined,
): SQL {
  const limit = sql.placeholder("limit");
  const where = matching(query);
  const counted = sql`(select count(*)::int from (select 1 from ${tasks} where ${where}
    limit ${TOTAL_COUNT_CAP + 1}) as capped)`;
  const ranked = cursor === undefined && term?.key === relevance;
  const total = cursor
    ? counted
    : ranked
      ? sql`coalesce((select max(matches)::int from page), 0)`
      : sql`coalesce((select count(*)::int from page having count(*) <= ${limit}), ${counted})`;
  const position = cursor ? sql` and ${after(term, cursor)}` : sql``;
  const order = orderBy(term);
  const last = (column: string) => sql.raw(`(select ${column} from page where n = `);
  return sql`with page as (
  select ${tasks.id} as id, ${tasks.createdAt} as created_at, ${taskJsonSql} as json,
    ${term ? sql`(${term.key})::text` : sql`null::text`} as sort_key,
    row_number() over (order by ${order}) as n${ranked ? sql`, count(*) over () as matches` : sql``}
  from ${tasks} where ${where}${position}
  order by ${order} limit ${limit}::int + 1
)
select ${total} as total,
  '[' || coalesce((select string_agg(json, ',' order by n) from page where n <= ${limit}), '') || ']' as items,
  ${last("id::text")}${limit}) as last_id,
  ${last("created_at")}${limit}) as last_created_at,
  ${last("sort_key")}${limit}) as last_sort_key,
  (select count(*) > ${limit} from page) as more`;
}

/** One page of `userId`'s tasks that match the query, in its order. */
export async function listTaskPage(db: Db, params: ListParams): Promise<TaskPage> {
  const { after: cursor } = params;
  const [page] = await pageQuery(db, params).execute({
    ...filterValues(params.userId, params),
    limit: params.limit,
    key: cursor?.key ?? null,
    at: cursor?.createdAt.toISOString() ?? null,
    id: cursor?.id ?? null,
  });
  if (page === undefined) throw new Error("the list statement returned no row");
  const { total, items, lastId, lastCreatedAt, lastSortKey, more } = page;
  const next =
    more && lastId !== null && lastCreatedAt !== null
      ? { key: lastSortKey, createdAt: lastCreatedAt, id: lastId, query: queryFingerprint(params) }
      : undefined;
  return { json: items, total: total > TOTAL_COUNT_CAP ? undefined : total, next };
}

/**
 * The shapes of list statements a database handle keeps prepared, most recently used first. A
 * list's shape is which filters it has, its sort and the kind of its cursor; their values are
 * placeholders. Each shape is built and prepared once, instead of Drizzle rendering its text
 * again for every page (with the garbage that makes, most of a list's CPU in the API). The bound
 * keeps a client that walks through every combination from holding them all; postgres.js's own
 * statements are bounded apart (MAX_PREPARED_TEXTS).
 */
const MAX_LIST_SHAPES = 200;
const listStatements = perDatabase(
  () => new LRUCache<string, ReturnType<typeof prepareList>>({ max: MAX_LIST_SHAPES }),
);

function pageQuery(db: Db, params: ListParams) {
  const { after: cursor, sort = "-created_at" } = params;
  const kind = cursor === undefined ? "first" : cursor.key === null ? "after-none" : "after";
  const shape = `${filterShape(params)} ${sort} ${kind}`;
  const known = listStatements(db);
  let statement = known.get(shape);
  if (statement === undefined) {
    statement = prepareList(db, shape, params);
    known.set(shape, statement);
  }
  return statement;
}

function prepareList(db: Db, shape: string, params: ListParams) {
  const term = sortTerm(params.sort);
  const { after: cursor } = params;
  const position = cursor && {
    key: cursor.key === null ? null : sql.placeholder("key"),
    at: sql.placeholder("at"),
    id: sql.placeholder("id"),
  };
  return db
    .select(pageFields)
    .from(sql`(${pageStatement(params, term, position)}) as result`)
    .prepare(`list_page ${shape}`);
}

/** True when `cursor` was made by this query (same filters and sort) and reads back as its key. */
export function cursorFits(query: ListQuery, cursor: Cursor): boolean {
  if (cursor.query !== queryFingerprint(query)) return false;
  const term = sortTerm(query.sort);
  if (term === undefined) return cursor.key === null;
  return cursor.key === null ? term.nullable : keyReadsAs(cursor.key, term.type);
}
