import { count, eq, sql } from "drizzle-orm";
import { describe, expect, test, vi } from "vitest";
import { createTask, setupTestApi, type TaskJson } from "../../../test/harness.ts";
import { idempotencyKeys, tasks } from "../../db/schema.ts";
import {
  SWEEP_INTERVAL_MS,
  sweepIdempotencyKeys,
  sweepIdempotencyKeysRegularly,
} from "../../lib/idempotency.ts";
import { createLogger } from "../../lib/logger.ts";

const api = setupTestApi();

const key = (value: string) => ({ "idempotency-key": `"${value}"` });

const countTasks = async (userId: string) => {
  const [row] = await api.database.db
    .select({ n: count() })
    .from(tasks)
    .where(eq(tasks.userId, userId));
  return row?.n;
};

describe("Idempotency-Key on POST /api/tasks", () => {
  test("a retry with the same key replays the first answer and creates nothing more", async () => {
    const alice = await api.user("alice");
    const first = await alice.post("/api/tasks", { title: "Pay rent" }, key("k-1"));
    const retry = await alice.post("/api/tasks", { title: "Pay rent" }, key("k-1"));
    expect({
      status: retry.status,
      text: retry.text,
      location: retry.headers.get("location"),
      etag: retry.headers.get("etag"),
      replayed: retry.headers.get("idempotent-replayed"),
    }).toEqual({
      status: 201,
      text: first.text,
      location: first.headers.get("location"),
      etag: first.headers.get("etag"),
      replayed: "true",
    });
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(await countTasks(alice.id)).toBe(1);
  });

  test("a bare (unquoted) key works the same", async () => {
    const alice = await api.user("alice");
    await alice.post("/api/tasks", { title: "Once" }, { "idempotency-key": "bare-key" });
    const retry = await alice.post(
      "/api/tasks",
      { title: "Once" },
      { "idempotency-key": "bare-key" },
    );
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await countTasks(alice.id)).toBe(1);
  });

  test("the same key with another body is a 422, and creates nothing", async () => {
    const alice = await api.user("alice");
    await alice.post("/api/tasks", { title: "Pay rent" }, key("k-2"));
    const other = await alice.post("/api/tasks", { title: "Pay the rent" }, key("k-2"));
    expect({ status: other.status, body: other.body }).toEqual({
      status: 422,
      body: {
        detail:
          "This Idempotency-Key was already used with a different request; use a new key for a new request",
      },
    });
    expect(await countTasks(alice.id)).toBe(1);
  });

  test("keys belong to their user: two users' equal keys make two tasks", async () => {
    const alice = await api.user("alice");
    const bob = await api.user("bob");
    const a = await alice.post("/api/tasks", { title: "Mine" }, key("shared"));
    const b = await bob.post("/api/tasks", { title: "Mine" }, key("shared"));
    expect([a.status, b.status, b.headers.get("idempotent-replayed")]).toEqual([201, 201, null]);
    expect((a.body as TaskJson).id).not.toBe((b.body as TaskJson).id);
  });

  test("concurrent attempts with one key create one task; each answer is the task or a 409", async () => {
    const alice = await api.user("alice");
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => alice.post("/api/tasks", { title: "Once" }, key("k-3"))),
    );
    const created = answers.filter((a) => a.status === 201).map((a) => (a.body as TaskJson).id);
    const inFlight = answers.filter((a) => a.status === 409);
    expect(created.length + inFlight.length).toBe(8);
    expect(new Set(created).size).toBe(1);
    expect(await countTasks(alice.id)).toBe(1);
  });

  test("a malformed key is a 422 naming the header", async () => {
    const alice = await api.user("alice");
    const response = await alice.post("/api/tasks", { title: "x" }, { "idempotency-key": '""' });
    expect(response.status).toBe(422);
    expect((response.body as { detail: { loc: string[] }[] }).detail[0]?.loc).toEqual([
      "header",
      "idempotency-key",
    ]);
    expect(await countTasks(alice.id)).toBe(0);
  });

  test("an answer older than 24 hours is not replayed, and the sweep deletes it", async () => {
    const alice = await api.user("alice");
    await alice.post("/api/tasks", { title: "Old" }, key("k-4"));
    await api.database.db.execute(
      sql`update idempotency_keys set created_at = now() - interval '25 hours'`,
    );
    const again = await alice.post("/api/tasks", { title: "Old" }, key("k-4"));
    expect([again.status, again.headers.get("idempotent-replayed")]).toEqual([201, null]);
    expect(await countTasks(alice.id)).toBe(2);
    await api.database.db.execute(
      sql`update idempotency_keys set created_at = now() - interval '25 hours'`,
    );
    expect(await sweepIdempotencyKeys(api.database.db)).toBe(1);
  });
});

describe("the regular sweep", () => {
  test("each interval deletes the answers older than 24 hours", async () => {
    const alice = await api.user("alice");
    await alice.post("/api/tasks", { title: "Old" }, key("sweep-old"));
    await alice.post("/api/tasks", { title: "New" }, key("sweep-new"));
    await api.database.db.execute(
      sql`update idempotency_keys set created_at = now() - interval '25 hours' where key = 'sweep-old'`,
    );
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const stop = sweepIdempotencyKeysRegularly(api.database.db, createLogger("silent"));
    try {
      vi.advanceTimersByTime(SWEEP_INTERVAL_MS);
      const keys = async () =>
        (await api.database.db.select({ key: idempotencyKeys.key }).from(idempotencyKeys)).map(
          (row) => row.key,
        );
      await vi.waitFor(async () => expect(await keys()).toEqual(["sweep-new"]));
    } finally {
      stop();
      vi.useRealTimers();
    }
  });
});

describe("Idempotency-Key on PATCH /api/tasks/{id}/complete", () => {
  test("a retried toggle flips once and replays the first answer", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, { title: "Flip me" });
    const first = await alice.patch(`/api/tasks/${task.id}/complete`, undefined, key("t-1"));
    const retry = await alice.patch(`/api/tasks/${task.id}/complete`, undefined, key("t-1"));
    expect((first.body as TaskJson).is_completed).toBe(true);
    expect([retry.status, retry.text, retry.headers.get("idempotent-replayed")]).toEqual([
      200,
      first.text,
      "true",
    ]);
    expect((await api.storedTask(task.id))?.is_completed).toBe(true);
  });

  test("the same key on another task is a 422", async () => {
    const alice = await api.user("alice");
    const one = await createTask(alice, { title: "One" });
    const two = await createTask(alice, { title: "Two" });
    await alice.patch(`/api/tasks/${one.id}/complete`, undefined, key("t-2"));
    const other = await alice.patch(`/api/tasks/${two.id}/complete`, undefined, key("t-2"));
    expect(other.status).toBe(422);
    expect((await api.storedTask(two.id))?.is_completed).toBe(false);
  });

  test("a refused write stores nothing: after a 404, the same key can be used", async () => {
    const alice = await api.user("alice");
    const missing = await alice.patch(
      "/api/tasks/5d3e1c2b-0a9f-4e8d-b7c6-a5f4e3d2c1b0/complete",
      undefined,
      key("t-3"),
    );
    expect(missing.status).toBe(404);
    const created = await alice.post("/api/tasks", { title: "Fresh" }, key("t-3"));
    expect(created.status).toBe(201);
  });
});
