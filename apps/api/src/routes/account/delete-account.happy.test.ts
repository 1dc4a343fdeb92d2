import { eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { createTask, setupTestApi, type TestUser } from "../../../test/harness.ts";
import { jobs } from "../../../test/support/jobs.ts";
import {
  deletedUsers,
  idempotencyKeys,
  pushSubscriptions,
  tasks,
  trashedTasks,
} from "../../db/schema.ts";

const api = setupTestApi();

const rowsOf = async (userId: string) => ({
  tasks: (await api.database.db.select().from(tasks).where(eq(tasks.userId, userId))).length,
  keys: (
    await api.database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.userId, userId))
  ).length,
  trashed: (
    await api.database.db.select().from(trashedTasks).where(eq(trashedTasks.userId, userId))
  ).length,
  subscriptions: (
    await api.database.db
      .select()
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, userId))
  ).length,
  jobs: (await api.database.db.select().from(jobs).where(sql`${jobs.data}->>'user_id' = ${userId}`))
    .length,
});

/**
 * A user with three tasks (one completed and labelled, one with a reminder), one in the trash, a
 * stored Idempotency-Key answer and a browser subscribed to push.
 */
async function userWithData(name: string): Promise<TestUser> {
  const user = await api.user(name);
  await createTask(user, {
    title: `${name}'s reminder`,
    reminders: [{ at: "2099-01-01T09:00:00Z" }],
  });
  await user.post("/api/push/subscriptions", {
    endpoint: `http://127.0.0.1:9/push/${name}`,
    keys: {
      p256dh:
        "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
      auth: "tBHItJI5svbpez7KI4CCXg",
    },
  });
  const done = await createTask(user, { title: `${name}'s done`, labels: ["work"] });
  await user.patch(`/api/tasks/${done.id}/complete`);
  await user.post("/api/tasks", { title: `${name}'s keyed` }, { "idempotency-key": "k1" });
  const trashed = await createTask(user, { title: `${name}'s trashed` });
  await user.delete(`/api/tasks/${trashed.id}`);
  return user;
}

describe("DELETE /api/me", () => {
  test("removes every task, reminder, push subscription and stored answer of the caller, records the account, and answers 204", async () => {
    const alice = await userWithData("alice");
    const response = await alice.delete("/api/me");
    const [recorded] = await api.database.db
      .select()
      .from(deletedUsers)
      .where(eq(deletedUsers.userId, alice.id));
    expect({ status: response.status, text: response.text, rows: await rowsOf(alice.id) }).toEqual({
      status: 204,
      text: "",
      rows: { tasks: 0, keys: 0, trashed: 0, subscriptions: 0, jobs: 0 },
    });
    expect(recorded?.deletedAt).toBeInstanceOf(Date);
  });

  test("leaves another user's tasks, labels and stored answers as they were", async () => {
    const alice = await userWithData("alice");
    const bob = await userWithData("bob");
    const bobsBefore = (await bob.get("/api/tasks")).body;
    await alice.delete("/api/me");
    expect({
      rows: await rowsOf(bob.id),
      tasks: (await bob.get("/api/tasks")).body,
      labels: (await bob.get("/api/labels")).body,
    }).toEqual({
      rows: { tasks: 3, keys: 1, trashed: 1, subscriptions: 1, jobs: 1 },
      tasks: bobsBefore,
      labels: [{ name: "work", task_count: 1, open_count: 0 }],
    });
  });

  test("asked again, answers 204 and changes nothing", async () => {
    const alice = await userWithData("alice");
    await alice.delete("/api/me");
    const again = await alice.delete("/api/me");
    const recorded = await api.database.db.select().from(deletedUsers);
    expect([again.status, recorded.map((row) => row.userId)]).toEqual([204, [alice.id]]);
  });
});
