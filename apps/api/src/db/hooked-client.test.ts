import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, describe, expect, test } from "vitest";
import { postgresServerUrl } from "../../test/harness.ts";
import { copyRows, hookedClient, MAX_PREPARED_TEXTS } from "./hooked-client.ts";

// postgres.js itself, on a real server; read-only queries, nothing is created.
const client = postgres(postgresServerUrl(), { max: 2, onnotice: () => {} });
afterAll(() => client.end({ timeout: 5 }));

describe("copyRows", () => {
  test("returns the query's rows and leaves postgres.js's own result list empty", async () => {
    const query = client.unsafe("select n, 'row ' || n as label from generate_series(1, 3) as n");
    const rows = await copyRows(query.values());
    expect(rows).toEqual([
      [1, "row 1"],
      [2, "row 2"],
      [3, "row 3"],
    ]);
    expect(Array.isArray(rows)).toBe(true);
    expect((await query).length).toBe(0);
  });

  test("a failing query's error reaches the caller", async () => {
    await expect(copyRows(client.unsafe("select 1 / 0").values())).rejects.toMatchObject({
      code: "22012",
    });
  });
});

describe("hookedClient: Drizzle on the wrapped client", () => {
  const db = drizzle(hookedClient(client));

  test("a prepared select reads its rows, run after run", async () => {
    const upTo = db
      .select({ n: sql<number>`n`, label: sql<string>`'row ' || n` })
      .from(sql`generate_series(1, ${sql.placeholder("last")}::int) as n`)
      .prepare("release_results_test");
    expect(await upTo.execute({ last: 2 })).toEqual([
      { n: 1, label: "row 1" },
      { n: 2, label: "row 2" },
    ]);
    expect(await upTo.execute({ last: 3 })).toEqual([
      { n: 1, label: "row 1" },
      { n: 2, label: "row 2" },
      { n: 3, label: "row 3" },
    ]);
  });

  test("concurrent queries each get their own rows", async () => {
    const lasts = [1, 5, 2, 8, 3];
    const results = await Promise.all(
      lasts.map((last) =>
        db.select({ n: sql<number>`n` }).from(sql`generate_series(1, ${last}::int) as n`),
      ),
    );
    expect(results.map((rows) => rows.length)).toEqual(lasts);
  });

  test("a raw statement keeps postgres.js's result, with its count", async () => {
    const result = await db.execute(sql`select n from generate_series(1, 4) as n`);
    expect(result.count).toBe(4);
    expect([...result]).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
  });
});

describe("hookedClient: every query is prepared", () => {
  const single = postgres(postgresServerUrl(), { max: 1, onnotice: () => {} });
  afterAll(() => single.end({ timeout: 5 }));
  const db = drizzle(hookedClient(single));

  test("a query Drizzle did not prepare becomes a named statement of its connection", async () => {
    const first = (n: number) =>
      db.select({ n: sql<number>`${n}::int + 1` }).from(sql`(values (1)) as one(x)`);
    expect(await first(1)).toEqual([{ n: 2 }]);
    expect(await first(41)).toEqual([{ n: 42 }]);
    const [held] = await single`select count(*)::int as count from pg_prepared_statements
      where statement like '%::int + 1%' and statement not like '%pg_prepared_statements%'`;
    expect(held?.count).toBe(1);
  });

  test("past MAX_PREPARED_TEXTS texts, a new text runs unnamed: the connection does not keep it", async () => {
    const text = (n: number) => sql`select ${n}::int + ${sql.raw(String(n))} as n`;
    for (let n = 0; n < MAX_PREPARED_TEXTS; n += 1) await db.execute(text(n));
    const beyond = 987_654;
    expect([...(await db.execute(text(beyond)))]).toEqual([{ n: 2 * beyond }]);
    const [held] = await single`select count(*)::int as count from pg_prepared_statements
      where statement like ${`%+ ${beyond} as n%`}`;
    expect(held?.count).toBe(0);
  });
});
