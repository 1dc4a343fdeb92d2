import { describe, expect, test } from "vitest";
import {
  createTask,
  INVALID_ID,
  NOT_A_TASK_ID,
  outcome,
  setupTestApi,
  TASK_NOT_FOUND,
  trashTask,
  validationBody,
} from "../../../test/harness.ts";

const api = setupTestApi();

const STALE = { "if-match": '"2020-01-01T00:00:00.000Z"' };

describe("DELETE /api/tasks/{id} errors", () => {
  test("a non-UUID id: 422", async () => {
    const alice = await api.user("alice");
    const response = await alice.delete("/api/tasks/1");
    expect(outcome(response)).toEqual(INVALID_ID);
  });

  test("no such task: 404", async () => {
    const alice = await api.user("alice");
    const response = await alice.delete(`/api/tasks/${NOT_A_TASK_ID}`);
    expect(outcome(response)).toEqual(TASK_NOT_FOUND);
  });

  test("deleting twice: the second is a 404", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    expect((await alice.delete(`/api/tasks/${task.id}`)).status).toBe(204);
    const again = await alice.delete(`/api/tasks/${task.id}`);
    expect(outcome(again)).toEqual(TASK_NOT_FOUND);
  });

  test("permanent with another value: 422 naming it, and the task stays", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    const response = await alice.delete(`/api/tasks/${task.id}?permanent=yes`);
    expect(outcome(response)).toEqual({
      status: 422,
      body: validationBody({
        loc: ["query", "permanent"],
        msg: "Input should be 'true' or 'false'",
        type: "enum",
      }),
    });
    expect(await api.storedTask(task.id)).toEqual(task);
  });

  test("permanent=true of a task deleted for good already: 404", async () => {
    const alice = await api.user("alice");
    const task = await trashTask(alice);
    expect((await alice.delete(`/api/tasks/${task.id}?permanent=true`)).status).toBe(204);
    const again = await alice.delete(`/api/tasks/${task.id}?permanent=true`);
    expect(outcome(again)).toEqual(TASK_NOT_FOUND);
  });

  test("permanent=true with a stale If-Match on a trashed task: 412 with it as trashed, kept", async () => {
    const alice = await api.user("alice");
    const task = await trashTask(alice);
    const response = await alice.delete(`/api/tasks/${task.id}?permanent=true`, STALE);
    const trashed = await api.storedTrashedTask(task.id);
    expect({ ...outcome(response), etag: response.headers.get("etag") }).toEqual({
      status: 412,
      body: { detail: "This task was changed elsewhere since you loaded it.", task: trashed },
      etag: `"${task.updated_at}"`,
    });
  });

  test("a trashed task older than 30 days is gone: permanent=true is a 404", async () => {
    const alice = await api.user("alice");
    const task = await trashTask(alice);
    await api.ageTrashedTask(task.id, 31);
    const response = await alice.delete(`/api/tasks/${task.id}?permanent=true`);
    expect(outcome(response)).toEqual(TASK_NOT_FOUND);
  });
});
