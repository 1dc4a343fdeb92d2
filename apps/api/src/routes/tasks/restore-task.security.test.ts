import { describe, expect, test } from "vitest";
import {
  authOutcome,
  createTask,
  outcome,
  refused,
  setupTestApi,
  signToken,
  TASK_NOT_FOUND,
  trashTask,
} from "../../../test/harness.ts";

const api = setupTestApi();

describe("POST /api/tasks/{id}/restore security", () => {
  test("another user's trashed task: 404 (never 403), and it stays in their trash", async () => {
    const alice = await api.user("alice");
    const bob = await api.user("bob");
    const task = await trashTask(alice);
    const response = await bob.post(`/api/tasks/${task.id}/restore`);
    expect(outcome(response)).toEqual(TASK_NOT_FOUND);
    expect(await api.storedTask(task.id)).toBeUndefined();
    expect((await api.storedTrashedTask(task.id))?.user_id).toBe(alice.id);
  });

  test("another user's live task: 404, as a task that does not exist", async () => {
    const alice = await api.user("alice");
    const bob = await api.user("bob");
    const task = await createTask(alice);
    const response = await bob.post(`/api/tasks/${task.id}/restore`);
    expect(outcome(response)).toEqual(TASK_NOT_FOUND);
    expect(await api.storedTask(task.id)).toEqual(task);
  });

  test("without a token: 401, and the task stays in the trash", async () => {
    const alice = await api.user("alice");
    const task = await trashTask(alice);
    const response = await api.anonymous.post(`/api/tasks/${task.id}/restore`);
    expect(authOutcome(response)).toEqual(refused("Not authenticated"));
    expect((await api.storedTrashedTask(task.id))?.id).toBe(task.id);
  });

  test("with an expired token: 401, and the task stays in the trash", async () => {
    const alice = await api.user("alice");
    const task = await trashTask(alice);
    const expired = api.withToken(await signToken(api.key, alice.id, { expiresIn: -60 }));
    const response = await expired.post(`/api/tasks/${task.id}/restore`);
    expect(authOutcome(response)).toEqual(refused("Token has expired"));
    expect((await api.storedTrashedTask(task.id))?.id).toBe(task.id);
  });
});
