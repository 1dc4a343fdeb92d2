import { describe, expect, test } from "vitest";
import { createTask, setupTestApi, type TaskJson, trashTask } from "../../../test/harness.ts";

const api = setupTestApi();

describe("POST /api/tasks/{id}/restore", () => {
  test("200 with the task as it was (same id, fields, created_at), a new version and its ETag", async () => {
    const alice = await api.user("alice");
    const task = await trashTask(alice, {
      title: "Pay rent",
      description: "before the 5th",
      priority: "high",
      due_date: "2027-03-01",
      due_time: "09:00",
      time_zone: "Europe/Berlin",
      labels: ["home"],
    });
    const response = await alice.post(`/api/tasks/${task.id}/restore`);
    const restored = response.body as TaskJson;
    expect({ status: response.status, body: restored, etag: response.headers.get("etag") }).toEqual(
      {
        status: 200,
        body: { ...task, updated_at: restored.updated_at },
        etag: `"${restored.updated_at}"`,
      },
    );
    expect(restored.updated_at > task.updated_at).toBe(true);
  });

  test("the task is live again: in the list, readable, writable; no longer in the trash", async () => {
    const alice = await api.user("alice");
    const task = await trashTask(alice);
    await alice.post(`/api/tasks/${task.id}/restore`);
    const list = await alice.get("/api/tasks");
    const trash = await alice.get("/api/tasks?trashed=true");
    const toggled = await alice.patch(`/api/tasks/${task.id}/complete`);
    expect({
      list: (list.body as TaskJson[]).map((t) => t.id),
      trash: trash.body,
      toggled: toggled.status,
      stored: (await api.storedTask(task.id))?.is_completed,
    }).toEqual({ list: [task.id], trash: [], toggled: 200, stored: true });
  });

  test("a completed task comes back completed", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    await alice.patch(`/api/tasks/${task.id}/complete`, { is_completed: true });
    await alice.delete(`/api/tasks/${task.id}`);
    const response = await alice.post(`/api/tasks/${task.id}/restore`);
    expect((response.body as TaskJson).is_completed).toBe(true);
  });

  test("If-Match with the trashed task's version restores it", async () => {
    const alice = await api.user("alice");
    const task = await trashTask(alice);
    const response = await alice.post(`/api/tasks/${task.id}/restore`, undefined, {
      "if-match": `"${task.updated_at}"`,
    });
    expect(response.status).toBe(200);
  });

  test("a task deleted 29 days ago can still be restored", async () => {
    const alice = await api.user("alice");
    const task = await trashTask(alice);
    await api.ageTrashedTask(task.id, 29);
    const response = await alice.post(`/api/tasks/${task.id}/restore`);
    expect(response.status).toBe(200);
  });
});
