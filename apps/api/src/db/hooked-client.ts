import type { Sql } from "postgres";

/**
 * The postgres.js client as Drizzle gets it, except that each query Drizzle reads as rows of
 * values (every select, insert/update/delete … returning, prepared or not) hands Drizzle a plain
 * copy of the row list and empties postgres.js's own `Result` at once. Drizzle copies those rows
 * into its objects in the same tick and keeps neither list.
 *
 * Why (measured with `--trace-gc-nvp`, Node 24): V8's young-generation collections keep a finished
 * postgres.js query, and so its `Result` with every row and string in it, alive until the next
 * full collection, which frees them (a heap snapshot never finds them). Until then every young
 * collection copies and then promotes them. In the list benchmark that was ~5 KB promoted per
 * request (the 4.5 KB page string and its row): a full collection every ~0.3 s and a quarter of
 * the process's CPU in the collector. With the `Result` emptied, what stays behind is small:
 * promotion fell from ~700 KB to ~120 KB per young collection, full collections from ~40 to ~9
 * in the same run, and a list request from ~464,000 to ~365,000 instructions (callgrind). The
 * same happens without Drizzle (postgres.js alone, one connection, one query at a time) and with
 * V8's interpreter alone; we did not pin down V8's mechanism.
 */
export function releasingResults(client: Sql): Sql {
  const unsafe = (...args: Parameters<Sql["unsafe"]>) => {
    const pending = client.unsafe(...args);
    const values = pending.values.bind(pending);
    pending.values = () => copyRows(values()) as unknown as ReturnType<typeof values>;
    return pending;
  };
  return new Proxy(client, {
    get: (target, key, receiver) =>
      key === "unsafe" ? unsafe : (Reflect.get(target, key, receiver) as unknown),
  });
}

/** The rows of `query` as a plain array; the query's own result list is left empty. */
export async function copyRows<Row>(query: PromiseLike<Row[]>): Promise<Row[]> {
  const result = await query;
  const rows = Array.from(result);
  result.length = 0;
  return rows;
}
