import type postgres from "postgres";

/**
 * Resolves once some session waits for a lock (of `locktype` when named, e.g. "advisory"): the
 * moment a test holding a transaction open knows the request it fired is blocked behind it.
 */
export async function lockWaiter(sql: postgres.Sql, locktype?: string): Promise<void> {
  for (let tries = 0; tries < 200; tries += 1) {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from pg_locks
      where not granted and (${locktype ?? null}::text is null or locktype = ${locktype ?? null})`;
    if ((row?.n ?? 0) >= 1) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no ${locktype === undefined ? "" : `${locktype} `}lock request is waiting`);
}
