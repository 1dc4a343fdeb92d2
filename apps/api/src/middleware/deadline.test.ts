import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTask, setupTestApi, type TaskJson } from "../../test/harness.ts";

// Locks taken from a second connection hold the API's statements: only a Postgres server has one.
// The default deadline, 1,000 ms, and the test database's sessions its statement_timeout, 500 ms.
const api = setupTestApi({ onServer: true });
let other: postgres.Sql;
beforeAll(() => {
  other = postgres(api.databaseUrl ?? "", { max: 2, onnotice: () => {} });
});
afterAll(() => other.end({ timeout: 5 }));

describe("the request deadline (REQUEST_TIMEOUT_MS)", () => {
  test("a write held past its time answers 503 with Retry-After, and was not written", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, { title: "Before" });
    let answer: Awaited<ReturnType<typeof alice.put>> | undefined;
    let tookMs = 0;
    await other.begin(async (tx) => {
      await tx`select 1 from tasks where id = ${task.id} for update`;
      const started = performance.now();
      answer = await alice.put(`/api/tasks/${task.id}`, { title: "After" });
      tookMs = performance.now() - started;
    });
    expect({
      status: answer?.status,
      body: answer?.body,
      retryAfter: answer?.headers.get("retry-after"),
    }).toEqual({
      status: 503,
      body: {
        detail:
          "The request took too long and was cancelled; retry it (with the same Idempotency-Key)",
      },
      retryAfter: "1",
    });
    // Ended by its statement_timeout (500 ms), before the deadline.
    expect(tookMs).toBeLessThan(1_000);
    // The lock is gone: had the update been left running, it would have committed by now.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await api.storedTask(task.id))?.title).toBe("Before");
  });

  test("a retry with the key of a write still in flight gets 409 with Retry-After", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, { title: "Toggle me" });
    const headers = { "idempotency-key": '"held"' };
    await other.begin(async (tx) => {
      await tx`select 1 from tasks where id = ${task.id} for update`;
      const first = alice.patch(`/api/tasks/${task.id}/complete`, undefined, headers);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const retry = await alice.patch(`/api/tasks/${task.id}/complete`, undefined, headers);
      expect({ status: retry.status, retryAfter: retry.headers.get("retry-after") }).toEqual({
        status: 409,
        retryAfter: "1",
      });
      expect((await first).status).toBe(503);
    });
    const after = await alice.patch(`/api/tasks/${task.id}/complete`, undefined, headers);
    expect([after.status, (after.body as TaskJson).is_completed]).toEqual([200, true]);
    expect(after.headers.get("idempotent-replayed")).toBeNull();
  });
});
