import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite, openPostgres } from "../../src/lib/db/client";
import { createScratchDatabase } from "./harness";

const serverUrl = process.env.TEST_DATABASE_URL;
const cleanups: (() => Promise<unknown>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Two handles on one new database, as two replicas starting together would have. */
async function twoReplicas() {
  if (!serverUrl) {
    // PGlite: one process per database; both "replicas" share the single handle.
    const handle = openPglite(null);
    cleanups.push(() => handle.close());
    return [handle, handle] as const;
  }
  const scratch = await createScratchDatabase(serverUrl, "web_migrate");
  const first = openPostgres(scratch.url);
  const second = openPostgres(scratch.url);
  cleanups.push(async () => {
    await first.close();
    await second.close();
    await scratch.drop();
  });
  return [first, second] as const;
}

describe("migrations", () => {
  it("apply once when two replicas start at the same time, and again is a no-op", async () => {
    const [first, second] = await twoReplicas();

    await Promise.all([first.migrate(), second.migrate()]);
    await first.migrate();

    const applied = await first.db.execute<{ count: number }>(
      sql`select count(*)::int as count from drizzle.__web_migrations`,
    );
    const tables = await first.db.execute<{ name: string }>(
      sql`select table_name as name from information_schema.tables
          where table_schema = 'public' order by table_name`,
    );
    const rows = (result: unknown) =>
      Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;

    expect(rows(applied)).toEqual([{ count: 3 }]);
    expect(rows(tables).map((row) => (row as { name: string }).name)).toEqual([
      "account",
      "jwks",
      "passkey",
      "rate_limit",
      "session",
      "sign_in_attempt",
      "two_factor",
      "user",
      "verification",
    ]);
  });
});
