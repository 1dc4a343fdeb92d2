import { describe, expect, test } from "vitest";
import {
  createTask,
  INVALID_ID,
  NOT_A_TASK_ID,
  outcome,
  setupTestApi,
  TASK_NOT_FOUND,
} from "../../../test/harness.ts";

const api = setupTestApi();

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
});
