import { sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { createTask, setupTestApi } from "../../../test/harness.ts";

const api = setupTestApi({ env: { TASK_QUOTA: "3" } });

/**
 * `n` tasks of `userId`, written straight into the table, without the API's statement timeout
 * (thousands of rows and their search index entries may take longer on a busy machine).
 */
const seed = (userId: string, n: number) =>
  api.database.db.transaction(async (tx) => {
    await tx.execute(sql`set local statement_timeout = 0`);
    await tx.execute(
      sql`insert into tasks (user_id, title, created_at, updated_at)
        select ${userId}, 'seeded ' || i, now() - i * interval '1 second', now()
        from generate_series(1, ${n}) as i`,
    );
  });

describe("TASK_QUOTA", () => {
  test("a user at the quota gets a 403 in words, and no task is added", async () => {
    const alice = await api.user("alice");
    for (let n = 0; n < 3; n += 1) await createTask(alice, { title: `t${n}` });
    const refused = await alice.post("/api/tasks", { title: "One too many" });
    expect({ status: refused.status, body: refused.body }).toEqual({
      status: 403,
      body: {
        detail: "Task limit reached: an account can hold at most 3 tasks. Delete some to add more.",
      },
    });
    const listed = await alice.get("/api/tasks");
    expect(listed.headers.get("x-total-count")).toBe("3");
  });

  test("another user is not held by it, and deleting makes room", async () => {
    const alice = await api.user("alice");
    const bob = await api.user("bob");
    const first = await createTask(alice, { title: "t0" });
    for (let n = 1; n < 3; n += 1) await createTask(alice, { title: `t${n}` });
    expect((await bob.post("/api/tasks", { title: "Bob's" })).status).toBe(201);
    await alice.delete(`/api/tasks/${first.id}`);
    expect((await alice.post("/api/tasks", { title: "Room again" })).status).toBe(201);
  });
});

describe("TASK_QUOTA and the trash", () => {
  test("trashed tasks do not count: a user at the quota deletes one and may create one", async () => {
    const alice = await api.user("alice");
    const first = await createTask(alice, { title: "t0" });
    for (let n = 1; n < 3; n += 1) await createTask(alice, { title: `t${n}` });
    await alice.delete(`/api/tasks/${first.id}`);
    const created = await alice.post("/api/tasks", { title: "Room again" });
    const trash = await alice.get("/api/tasks?trashed=true");
    expect([created.status, trash.headers.get("x-total-count")]).toEqual([201, "1"]);
  });

  test("a restore past the quota: 403 as a create, and the task stays in the trash", async () => {
    const alice = await api.user("alice");
    const trashed = await createTask(alice, { title: "t0" });
    await alice.delete(`/api/tasks/${trashed.id}`);
    for (let n = 1; n <= 3; n += 1) await createTask(alice, { title: `t${n}` });
    const refused = await alice.post(`/api/tasks/${trashed.id}/restore`);
    expect({ status: refused.status, body: refused.body }).toEqual({
      status: 403,
      body: {
        detail: "Task limit reached: an account can hold at most 3 tasks. Delete some to add more.",
      },
    });
    expect((await api.storedTrashedTask(trashed.id))?.id).toBe(trashed.id);
  });
});

describe("X-Total-Count is exact up to 10,000", () => {
  test("10,000 matching tasks: counted exactly", async () => {
    const alice = await api.user("alice");
    await seed(alice.id, 10_000);
    const page = await alice.get("/api/tasks?limit=5");
    expect([page.headers.get("x-total-count"), page.headers.get("x-total-count-capped")]).toEqual([
      "10000",
      null,
    ]);
  });

  test("10,001: the count is left out, X-Total-Count-Capped says so, pages still follow", async () => {
    const alice = await api.user("alice");
    await seed(alice.id, 10_001);
    const page = await alice.get("/api/tasks?limit=5");
    expect({
      status: page.status,
      total: page.headers.get("x-total-count"),
      capped: page.headers.get("x-total-count-capped"),
      items: (page.body as unknown[]).length,
      next: page.headers.get("link")?.includes('rel="next"'),
    }).toEqual({ status: 200, total: null, capped: "10000", items: 5, next: true });
  });
});
