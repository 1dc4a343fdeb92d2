import postgres from "postgres";
import { describe, expect, test } from "vitest";
import { setupTestApi } from "../../../test/harness.ts";
import { tasks } from "../../db/schema.ts";

// Concurrent transactions need a Postgres server (PGlite has one connection).
const api = setupTestApi({ onServer: true });

/** Resolves once `count` advisory lock requests are waiting. */
async function waitersReach(sql: postgres.Sql, count: number) {
  for (let tries = 0; tries < 200; tries += 1) {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`;
    if ((row?.n ?? 0) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never ${count} waiting lock requests`);
}

describe("DELETE /api/me racing creates", () => {
  test("a create under way is deleted with the rest; one that comes during the deletion inserts nothing (401)", async () => {
    const alice = await api.user("alice");
    const url = api.databaseUrl;
    if (url === undefined) throw new Error("needs a Postgres server");
    const sql = postgres(url, { max: 2, onnotice: () => {} });
    const watcher = postgres(url, { max: 1, onnotice: () => {} });
    try {
      let deletion: ReturnType<typeof alice.delete> | undefined;
      let late: ReturnType<typeof alice.post> | undefined;
      // A create already past its check, not yet committed: it holds the account's lock shared.
      await sql.begin(async (tx) => {
        await tx`select account_open(${alice.id})`;
        await tx`insert into tasks (user_id, title) values (${alice.id}, 'under way')`;
        deletion = alice.delete("/api/me");
        await waitersReach(watcher, 1);
        late = alice.post("/api/tasks", { title: "During the deletion" });
        await waitersReach(watcher, 2);
      });
      const [deleted, refused] = await Promise.all([deletion, late]);
      const left = await api.database.db.select().from(tasks);
      expect([deleted?.status, refused?.status, refused?.body, left]).toEqual([
        204,
        401,
        { detail: "Account deleted" },
        [],
      ]);
    } finally {
      await sql.end();
      await watcher.end();
    }
  });
});
