import { describe, expect, test } from "vitest";
import {
  authOutcome,
  createTask,
  FORBIDDEN_TASK,
  outcome,
  refused,
  setupTestApi,
} from "../../../test/harness.ts";

const api = setupTestApi();

describe("PATCH /api/tasks/{id}/complete security", () => {
  test("another user's task: 403 and the task is untouched (toggle and set)", async () => {
    const alice = await api.user("alice");
    const bob = await api.user("bob");
    const task = await createTask(alice);
    for (const body of [undefined, { is_completed: true }]) {
      const response = await bob.patch(`/api/tasks/${task.id}/complete`, body);
      expect(outcome(response)).toEqual(FORBIDDEN_TASK);
    }
    expect(await api.storedTask(task.id)).toEqual(task);
  });

  test("without a token: 401 and the task is untouched", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    const response = await api.anonymous.patch(`/api/tasks/${task.id}/complete`);
    expect(authOutcome(response)).toEqual(refused("Not authenticated"));
    expect(await api.storedTask(task.id)).toEqual(task);
  });
});
