import { describe, expect, test } from "vitest";
import {
  authOutcome,
  createTask,
  nextLink,
  refused,
  setupTestApi,
  type TaskJson,
} from "../../../test/harness.ts";
import { tasks } from "../../db/schema.ts";

const api = setupTestApi();

describe("GET /api/tasks only ever shows the caller's tasks", () => {
  test("without a token: 401", async () => {
    expect(authOutcome(await api.anonymous.get("/api/tasks"))).toEqual(
      refused("Not authenticated"),
    );
  });

  test("with an invalid token: 401", async () => {
    expect(authOutcome(await api.withToken("not.a.jwt").get("/api/tasks"))).toEqual(
      refused("Invalid authentication token"),
    );
  });

  test("another user's tasks are neither listed nor counted", async () => {
    const alice = await api.user("alice");
    const bob = await api.user("bob");
    const mine = await createTask(alice, { title: "Alice's" });
    await createTask(bob, { title: "Bob's 1" });
    await createTask(bob, { title: "Bob's 2" });

    const response = await alice.get("/api/tasks");
    expect(response.body).toEqual([mine]);
    expect(response.headers.get("x-total-count")).toBe("1");

    const completed = await alice.get("/api/tasks?status=pending");
    expect(completed.headers.get("x-total-count")).toBe("1");
  });

  test("a cursor from another user's list reveals nothing of theirs", async () => {
    const alice = await api.user("alice");
    const bob = await api.user("bob");
    for (let i = 0; i < 3; i += 1) await createTask(bob, { title: `Bob ${i}` });
    // Older than all of Bob's tasks, so it lies after the position of Bob's cursor.
    const [mine] = await api.database.db
      .insert(tasks)
      .values({ userId: alice.id, title: "Alice's", createdAt: new Date("2020-01-01T00:00:00Z") })
      .returning();

    const link = nextLink(await bob.get("/api/tasks?limit=1"));
    expect(link).toMatch(/^\/api\/tasks\?limit=1&cursor=/);
    const response = await alice.get(link ?? "");
    expect(response.status).toBe(200);
    expect((response.body as TaskJson[]).map((t) => t.id)).toEqual([mine?.id]);
    expect(response.headers.get("x-total-count")).toBe("1");
    expect(response.headers.get("link")).toBeNull();
  });

  test("concurrent lists (answered together in one statement) each show only their caller's tasks", async () => {
    const users = await Promise.all(Array.from({ length: 12 }, (_, i) => api.user(`user${i}`)));
    const own = await Promise.all(
      users.map(async (user, i) => {
        const created: TaskJson[] = [];
        for (let n = 0; n <= i % 4; n += 1) {
          created.push(await createTask(user, { title: `${user.id} task ${n}` }));
        }
        return created.reverse(); // newest first
      }),
    );
    // Every user asks three times at once, with three kinds of list, all in the same tick.
    const answers = await Promise.all(
      users.flatMap((user) => [
        user.get("/api/tasks"),
        user.get("/api/tasks?limit=1"),
        user.get("/api/tasks?status=pending"),
      ]),
    );
    users.forEach((_, i) => {
      const [all, first, pending] = answers.slice(i * 3, i * 3 + 3);
      const expected = own[i] ?? [];
      expect(all?.body).toEqual(expected);
      expect(all?.headers.get("x-total-count")).toBe(String(expected.length));
      expect(first?.body).toEqual(expected.slice(0, 1));
      expect(first?.headers.get("link") !== null).toBe(expected.length > 1);
      expect(pending?.body).toEqual(expected);
    });
  });
});
