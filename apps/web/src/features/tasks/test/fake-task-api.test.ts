import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Task } from "../task-api";
import { type FakeTaskApi, startFakeTaskApi } from "./fake-task-api";

/** The fake must answer as the API's contract says, or the component tests prove nothing. */
let server: FakeTaskApi;
let user = 0;

beforeAll(async () => {
  server = await startFakeTaskApi();
});
afterAll(() => server.close());
afterEach(() => server.reset());

async function signedIn() {
  user += 1;
  const userId = `fake-contract-${user}`;
  const cookie = server.session(userId);
  const answer = await fetch(`${server.url}/api/auth/token`, { headers: { cookie } });
  const { token } = (await answer.json()) as { token: string };
  const call = (method: string, path: string, body?: unknown, headers = {}) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return { userId, call };
}

const KEY = '"6f1c2b9e-4c1a-4f43-9a57-0d55b2e8c7a1"';

describe("fake task API: Idempotency-Key", () => {
  it("replays the first answer to a retry with the same key, and creates one task", async () => {
    const { userId, call } = await signedIn();
    const first = await call("POST", "/api/tasks", { title: "Once" }, { "Idempotency-Key": KEY });
    const again = await call("POST", "/api/tasks", { title: "Once" }, { "Idempotency-Key": KEY });

    expect([first.status, again.status]).toEqual([201, 201]);
    expect(first.headers.get("Idempotent-Replayed")).toBeNull();
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    expect(server.tasksOf(userId)).toHaveLength(1);
  });

  it("refuses the same key for another body (422) and a malformed key (400)", async () => {
    const { userId, call } = await signedIn();
    await call("POST", "/api/tasks", { title: "A" }, { "Idempotency-Key": KEY });
    const other = await call("POST", "/api/tasks", { title: "B" }, { "Idempotency-Key": KEY });
    const bare = await call("POST", "/api/tasks", { title: "C" }, { "Idempotency-Key": "abc" });

    expect(other.status).toBe(422);
    expect(await other.json()).toEqual({
      detail: "This Idempotency-Key was already used for a different request.",
    });
    expect(bare.status).toBe(400);
    expect(server.tasksOf(userId).map((task) => task.title)).toEqual(["A"]);
  });

  it("answers 409 with Retry-After while the first request is still being handled", async () => {
    const { userId, call } = await signedIn();
    server.dropNext("POST", /^\/api\/tasks$/, 200);
    await expect(
      call("POST", "/api/tasks", { title: "Slow" }, { "Idempotency-Key": KEY }),
    ).rejects.toThrow(TypeError);
    const during = await call("POST", "/api/tasks", { title: "Slow" }, { "Idempotency-Key": KEY });

    expect(during.status).toBe(409);
    expect(during.headers.get("Retry-After")).toBe("1");
    await new Promise((resolve) => setTimeout(resolve, 250));
    const after = await call("POST", "/api/tasks", { title: "Slow" }, { "Idempotency-Key": KEY });
    expect(after.status).toBe(201);
    expect(after.headers.get("Idempotent-Replayed")).toBe("true");
    expect(server.tasksOf(userId)).toHaveLength(1);
  });
});

describe("fake task API: ETag and If-Match", () => {
  it("tags each task answer with its updated_at and refuses a stale If-Match with 412", async () => {
    const { userId, call } = await signedIn();
    const [seeded] = server.seed(userId, [{ title: "Tagged" }]) as [Task];
    const path = `/api/tasks/${seeded.id}`;
    const got = await call("GET", path);
    expect(got.headers.get("ETag")).toBe(`"${seeded.updated_at}"`);

    const changed = server.changeElsewhere(seeded.id, { title: "Theirs" });
    const stale = { "If-Match": `"${seeded.updated_at}"` };
    for (const [method, target, body] of [
      ["PATCH", path, { title: "Mine" }],
      ["PUT", path, { title: "Mine" }],
      ["PATCH", `${path}/complete`, { is_completed: true }],
      ["DELETE", path, undefined],
    ] as const) {
      const refused = await call(method, target, body, stale);
      expect(refused.status).toBe(412);
      expect(refused.headers.get("ETag")).toBe(`"${changed.updated_at}"`);
      expect(await refused.json()).toEqual({
        detail: "This task was changed elsewhere since you loaded it.",
        task: changed,
      });
    }
    const fresh = await call(
      "PATCH",
      path,
      { title: "Mine" },
      { "If-Match": `"${changed.updated_at}"` },
    );
    expect(fresh.status).toBe(200);
    const saved = (await fresh.json()) as Task;
    expect(fresh.headers.get("ETag")).toBe(`"${saved.updated_at}"`);
    expect(saved.title).toBe("Mine");
  });
});

describe("fake task API: counts", () => {
  it("counts exactly up to 10,000 and says capped above that", async () => {
    const { userId, call } = await signedIn();
    server.seed(
      userId,
      Array.from({ length: 10_000 }, (_, i) => ({ title: `T${i}` })),
    );
    const exact = await call("GET", "/api/tasks?status=all&limit=1");
    expect(exact.headers.get("X-Total-Count")).toBe("10000");
    expect(exact.headers.get("X-Total-Count-Capped")).toBeNull();

    server.seed(userId, [{ title: "One more" }]);
    const capped = await call("GET", "/api/tasks?status=all&limit=1");
    expect(capped.headers.get("X-Total-Count")).toBeNull();
    expect(capped.headers.get("X-Total-Count-Capped")).toBe("10000");
  });
});

describe("fake task API: the trash", () => {
  it("a DELETE moves the task to the trash, which lists it with deleted_at; restore brings it back", async () => {
    const { userId, call } = await signedIn();
    const created = (await (await call("POST", "/api/tasks", { title: "Bin me" })).json()) as Task;
    expect((await call("DELETE", `/api/tasks/${created.id}`)).status).toBe(204);

    const trash = await call("GET", "/api/tasks?trashed=true&limit=50");
    const listed = (await trash.json()) as Task[];
    expect([listed.map((t) => t.id), typeof listed[0]?.deleted_at]).toEqual([
      [created.id],
      "string",
    ]);
    expect((await call("GET", `/api/tasks/${created.id}`)).status).toBe(404);

    const restored = await call("POST", `/api/tasks/${created.id}/restore`);
    expect(restored.status).toBe(200);
    expect(((await restored.json()) as Task).deleted_at).toBeNull();
    expect(server.tasksOf(userId).map((t) => t.id)).toEqual([created.id]);
    expect(server.trashOf(userId)).toEqual([]);
  });

  it("permanent=true and emptying the trash delete for good; emptying needs trashed=true", async () => {
    const { userId, call } = await signedIn();
    const [a, b] = server.seed(userId, [
      { title: "a", deleted_at: "2026-01-01T00:00:00.000Z" },
      { title: "b", deleted_at: "2026-01-01T00:00:01.000Z" },
    ]);
    expect((await call("DELETE", `/api/tasks/${a?.id}?permanent=true`)).status).toBe(204);
    expect((await call("DELETE", "/api/tasks")).status).toBe(422);
    expect(server.trashOf(userId).map((t) => t.id)).toEqual([b?.id]);
    expect((await call("DELETE", "/api/tasks?trashed=true")).status).toBe(204);
    expect(server.trashOf(userId)).toEqual([]);
  });
});
