import { describe, expect, test } from "vitest";
import {
  authOutcome,
  createTask,
  FORBIDDEN_TASK,
  outcome,
  refused,
  setupTestApi,
  signToken,
  TASK_NOT_FOUND,
  trashTask,
} from "../../../test/harness.ts";

const api = setupTestApi();

describe("DELETE /api/tasks/{id} security", () => {
  test("another user's task: 403 and the task still exists", async () => {
    const alice = await api.user("alice");
    const bob = await api.user("bob");
    const task = await createTask(alice);
    const response = await bob.delete(`/api/tasks/${task.id}`);
    expect(outcome(response)).toEqual(FORBIDDEN_TASK);
    expect(await api.storedTask(task.id)).toEqual(task);
  });

  test("another user's task with permanent=true: 403 and the task still exists", async () => {
    const alice = await api.user("alice");
    const bob = await api.user("bob");
    const task = await createTask(alice);
    const response = await bob.delete(`/api/tasks/${task.id}?permanent=true`);
    expect(outcome(response)).toEqual(FORBIDDEN_TASK);
    expect(await api.storedTask(task.id)).toEqual(task);
  });

  test("another user's trashed task with permanent=true: 404 and it stays in their trash", async () => {
    const alice = await api.user("alice");
    const bob = await api.user("bob");
    const task = await trashTask(alice);
    const response = await bob.delete(`/api/tasks/${task.id}?permanent=true`);
    expect(outcome(response)).toEqual(TASK_NOT_FOUND);
    expect((await api.storedTrashedTask(task.id))?.id).toBe(task.id);
  });

  test("without a token: 401 and the task still exists", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    const response = await api.anonymous.delete(`/api/tasks/${task.id}`);
    expect(authOutcome(response)).toEqual(refused("Not authenticated"));
    expect(await api.storedTask(task.id)).toEqual(task);
  });

  test("with a token for the wrong audience: 401 and the task still exists", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    const wrongAudience = api.withToken(
      await signToken(api.key, alice.id, { claims: { aud: "http://evil.example" } }),
    );
    const response = await wrongAudience.delete(`/api/tasks/${task.id}`);
    expect(authOutcome(response)).toEqual(refused("Invalid authentication token"));
    expect(await api.storedTask(task.id)).toEqual(task);
  });
});
