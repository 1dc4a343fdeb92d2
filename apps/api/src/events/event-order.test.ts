import postgres from "postgres";
import { afterEach, describe, expect, test } from "vitest";
import { setupTestApi } from "../../test/harness.ts";
import { lockWaiter } from "../../test/support/lock-waiter.ts";
import { SseClient } from "../../test/support/sse-client.ts";

// Concurrent transactions need a Postgres server (PGlite has one connection).
const api = setupTestApi({ onServer: true });
const open: SseClient[] = [];

afterEach(() => {
  for (const client of open.splice(0)) client.close();
});

describe("one user's events commit in the order of their ids", () => {
  test("a write that recorded its event first commits first: a later one waits, none is missed", async () => {
    const alice = await api.user("alice");
    const url = api.databaseUrl;
    if (url === undefined) throw new Error("needs a Postgres server");
    const stream = await SseClient.open(`${api.app.url}/api/events`, await api.tokenFor(alice.id));
    open.push(stream);
    await stream.until((c) => c.of("ready").length === 1);
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    const watcher = postgres(url, { max: 1, onnotice: () => {} });
    try {
      let later: ReturnType<typeof alice.post> | undefined;
      // Recorded (its event id taken), not yet committed, and announced by nobody.
      await sql.begin(async (tx) => {
        await tx`insert into tasks (user_id, title) values (${alice.id}, 'first')`;
        later = alice.post("/api/tasks", { title: "second" });
        await lockWaiter(watcher, "advisory");
      });
      const second = await later;
      await stream.until((c) => c.of("task.created").length === 2);
      expect([
        second?.status,
        stream.of("task.created").map((event) => JSON.parse(event.data).title),
      ]).toEqual([201, ["first", "second"]]);
    } finally {
      await sql.end();
      await watcher.end();
    }
  });
});
