import { describe, expect, test } from "vitest";
import {
  createTask,
  INVALID_ID,
  NOT_A_TASK_ID,
  outcome,
  setupTestApi,
  TASK_NOT_FOUND,
  trashTask,
} from "../../../test/harness.ts";

const api = setupTestApi();

describe("POST /api/tasks/{id}/restore errors", () => {
  test("a non-UUID id: 422", async () => {
    const alice = await api.user("alice");
    const response = await alice.post("/api/tasks/1/restore");
    expect(outcome(response)).toEqual(INVALID_ID);
  });

  test("no such task: 404", async () => {
    const alice = await api.user("alice");
    const response = await alice.post(`/api/tasks/${NOT_A_TASK_ID}/restore`);
    expect(outcome(response)).toEqual(TASK_NOT_FOUND);
  });

  test("a live task (never deleted): 404, and it is unchanged", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    const response = await alice.post(`/api/tasks/${task.id}/restore`);
    expect(outcome(response)).toEqual(TASK_NOT_FOUND);
    expect(await api.storedTask(task.id)).toEqual(task);
  });

  test("restoring twice: the second is a 404", async () => {
    const alice = await api.user("alice");
    const task = await trashTask(alice);
    expect((await alice.post(`/api/tasks/${task.id}/restore`)).status).toBe(200);
    const again = await alice.post(`/api/tasks/${task.id}/restore`);
    expect(outcome(again)).toEqual(TASK_NOT_FOUND);
  });

  test("a task deleted for good: 404", async () => {
    const alice = await api.user("alice");
    const task = await trashTask(alice);
    await alice.delete(`/api/tasks/${task.id}?permanent=true`);
    const response = await alice.post(`/api/tasks/${task.id}/restore`);
    expect(outcome(response)).toEqual(TASK_NOT_FOUND);
  });

  test("a task deleted more than 30 days ago: 404, and it is not restored", async () => {
    const alice = await api.user("alice");
    const task = await trashTask(alice);
    await api.ageTrashedTask(task.id, 31);
    const response = await alice.post(`/api/tasks/${task.id}/restore`);
    expect(outcome(response)).toEqual(TASK_NOT_FOUND);
    expect(await api.storedTask(task.id)).toBeUndefined();
  });

  test("If-Match naming another version: 412 with the trashed task; it stays in the trash", async () => {
    const alice = await api.user("alice");
    const task = await trashTask(alice);
    const response = await alice.post(`/api/tasks/${task.id}/restore`, undefined, {
      "if-match": '"2020-01-01T00:00:00.000Z"',
    });
    const trashed = await api.storedTrashedTask(task.id);
    expect({ ...outcome(response), etag: response.headers.get("etag") }).toEqual({
      status: 412,
      body: { detail: "This task was changed elsewhere since you loaded it.", task: trashed },
      etag: `"${task.updated_at}"`,
    });
    expect(trashed?.id).toBe(task.id);
  });
});
