import type { Sql, TransactionSql } from "postgres";
import { cancelOnDeadline } from "../lib/deadline.ts";

/**
 * The postgres.js client as Drizzle gets it, with three hooks on every query Drizzle sends
 * (`unsafe`), in transactions (`begin`) too:
 *
 * - **Prepared.** A query is a named prepared statement of its connection, so it takes one
 *   round trip from its second run on. Drizzle sends the queries it did not `.prepare()` as
 *   unnamed ones (`prepare: false`), and postgres.js describes an unnamed statement's parameters
 *   in a round trip of its own before each run: two per query, and the connection idle between.
 *   postgres.js keeps every statement a connection prepared, so only the first
 *   MAX_PREPARED_TEXTS texts of the process are prepared (fixed-shape statements come first and
 *   stay); beyond them, say a rare combination of list filters, a query goes unnamed.
 * - **Deadline.** A query still queued for a connection when the request it runs for passes
 *   its deadline is never sent (lib/deadline.ts).
 * - **Released results.** A query Drizzle reads as rows of values hands Drizzle a plain copy of
 *   the row list and empties postgres.js's own `Result` at once (Drizzle copies the rows into its
 *   objects in the same tick). Measured with `--trace-gc-nvp`, Node 24: V8's young-generation
 *   collections keep a finished postgres.js query, and so its `Result` with every row and string
 *   in it, alive until the next full collection; meanwhile every young collection copies and then
 *   promotes them. In the list benchmark, emptying the `Result` cut promotion from ~700 KB to
 *   ~120 KB per young collection and full collections from ~40 to ~9 in a run.
 */
export function hookedClient<S extends Sql | TransactionSql>(client: S): S {
  const unsafe = (...[query, params, options]: Parameters<Sql["unsafe"]>) => {
    const pending = client.unsafe(query, params, { ...options, prepare: preparable(query) });
    cancelOnDeadline(pending);
    const values = pending.values.bind(pending);
    pending.values = () => copyRows(values()) as unknown as ReturnType<typeof values>;
    return pending;
  };
  const begin = (...args: [string, TransactionWork] | [TransactionWork]) => {
    const [options, work] = args.length === 2 ? args : ["", args[0]];
    return (client as Sql).begin(options, (tx: TransactionSql) => work(hookedClient(tx)));
  };
  return new Proxy(client, {
    get: (target, key, receiver) => {
      if (key === "unsafe") return unsafe;
      if (key === "begin") return begin;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

type TransactionWork = (tx: TransactionSql) => unknown;

/** The most query texts a process prepares on its connections (see "Prepared" above). */
export const MAX_PREPARED_TEXTS = 500;
const preparedTexts = new Set<string>();

function preparable(text: string): boolean {
  if (preparedTexts.has(text)) return true;
  if (preparedTexts.size >= MAX_PREPARED_TEXTS) return false;
  preparedTexts.add(text);
  return true;
}

/** The rows of `query` as a plain array; the query's own result list is left empty. */
export async function copyRows<Row>(query: PromiseLike<Row[]>): Promise<Row[]> {
  const result = await query;
  const rows = Array.from(result);
  result.length = 0;
  return rows;
}
