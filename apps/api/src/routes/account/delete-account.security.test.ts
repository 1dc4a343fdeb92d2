import { describe, expect, test } from "vitest";
import { createTask, setupTestApi, type TestUser } from "../../../test/harness.ts";
import { tasks } from "../../db/schema.ts";

const api = setupTestApi();

const DELETED = { status: 401, body: { detail: "Account deleted" }, scheme: "Bearer" };

async function deletedUser(): Promise<{ user: TestUser; formerTaskId: string }> {
  const user = await api.user("gone");
  const task = await createTask(user, { title: "Soon gone", labels: ["work"] });
  const deleted = await user.delete("/api/me");
  if (deleted.status !== 204) throw new Error(`deletion failed: ${deleted.status}`);
  return { user, formerTaskId: task.id };
}

describe("a deleted account's still-valid token", () => {
  test.each([
    ["lists tasks", (u: TestUser) => u.get("/api/tasks")],
    ["lists with filters", (u: TestUser) => u.get("/api/tasks?status=pending&label=work")],
    ["creates a task", (u: TestUser) => u.post("/api/tasks", { title: "Back again" })],
    [
      "creates with an Idempotency-Key",
      (u: TestUser) => u.post("/api/tasks", { title: "Back again" }, { "idempotency-key": "k" }),
    ],
    ["lists labels", (u: TestUser) => u.get("/api/labels")],
    ["renames a label", (u: TestUser) => u.patch("/api/labels/work", { name: "job" })],
    ["deletes a label", (u: TestUser) => u.delete("/api/labels/work")],
    ["exports", (u: TestUser) => u.get("/api/export?format=csv")],
    ["lists the trash", (u: TestUser) => u.get("/api/tasks?trashed=true")],
  ])("is refused with 401 Account deleted when it %s", async (_name, request) => {
    const { user } = await deletedUser();
    const response = await request(user);
    expect({
      status: response.status,
      body: response.body,
      scheme: response.headers.get("www-authenticate"),
    }).toEqual(DELETED);
  });

  test.each([
    ["gets", (u: TestUser, id: string) => u.get(`/api/tasks/${id}`)],
    ["toggles", (u: TestUser, id: string) => u.patch(`/api/tasks/${id}/complete`)],
    ["replaces", (u: TestUser, id: string) => u.put(`/api/tasks/${id}`, { title: "x" })],
    ["patches", (u: TestUser, id: string) => u.patch(`/api/tasks/${id}`, { title: "x" })],
    ["deletes", (u: TestUser, id: string) => u.delete(`/api/tasks/${id}`)],
    ["restores", (u: TestUser, id: string) => u.post(`/api/tasks/${id}/restore`)],
    ["skips", (u: TestUser, id: string) => u.post(`/api/tasks/${id}/skip`)],
  ])("is refused with 401 Account deleted when it %s a former task", async (_name, request) => {
    const { user, formerTaskId } = await deletedUser();
    const response = await request(user, formerTaskId);
    expect({
      status: response.status,
      body: response.body,
      scheme: response.headers.get("www-authenticate"),
    }).toEqual(DELETED);
  });

  test("is refused with 401 for another user's task too, and that task stays", async () => {
    const bob = await api.user("bob");
    const bobs = await createTask(bob, { title: "Bob's" });
    const { user } = await deletedUser();
    const response = await user.patch(`/api/tasks/${bobs.id}/complete`);
    expect([response.status, response.body, await api.storedTask(bobs.id)]).toEqual([
      401,
      { detail: "Account deleted" },
      bobs,
    ]);
  });

  test("creates nothing and stores no answer", async () => {
    const { user } = await deletedUser();
    await user.post("/api/tasks", { title: "Back again" }, { "idempotency-key": "k" });
    const again = await user.post(
      "/api/tasks",
      { title: "Back again" },
      { "idempotency-key": "k" },
    );
    const rows = await api.database.db.select().from(tasks);
    expect([again.status, again.headers.get("idempotent-replayed"), rows.length]).toEqual([
      401,
      null,
      0,
    ]);
  });

  test("a user who never had a task is not refused", async () => {
    const newcomer = await api.user("new");
    expect([
      (await newcomer.get("/api/tasks")).status,
      (await newcomer.get("/api/labels")).status,
    ]).toEqual([200, 200]);
  });

  test("without a token: 401 Not authenticated", async () => {
    const response = await api.anonymous.delete("/api/me");
    expect([response.status, response.body]).toEqual([401, { detail: "Not authenticated" }]);
  });
});
