import { describe, expect, test } from "vitest";
import {
  createTask,
  INVALID_ID,
  JSON_INVALID,
  NOT_A_TASK_ID,
  NOT_JSON,
  outcome,
  setupTestApi,
  TASK_NOT_FOUND,
  validationBody,
} from "../../../test/harness.ts";

const api = setupTestApi();

describe("PATCH /api/tasks/{id}/complete errors: nothing changes", () => {
  test.each([
    ['"yes"', { is_completed: "yes" }],
    ["null", { is_completed: null }],
    ["1", { is_completed: 1 }],
  ])("is_completed = %s: 422", async (_, body) => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    const response = await alice.patch(`/api/tasks/${task.id}/complete`, body);
    expect(response.status).toBe(422);
    expect(response.body).toEqual(
      validationBody({
        loc: ["body", "is_completed"],
        msg: "Input should be a valid boolean",
        type: "bool_type",
      }),
    );
    expect(await api.storedTask(task.id)).toEqual(task);
  });

  test("malformed JSON: 422", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    const response = await alice.send("PATCH", `/api/tasks/${task.id}/complete`, "true,");
    expect(outcome(response)).toEqual(JSON_INVALID);
    expect(await api.storedTask(task.id)).toEqual(task);
  });

  test("a body that is not JSON: 415", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    const response = await alice.fetch(`/api/tasks/${task.id}/complete`, {
      method: "PATCH",
      headers: { "content-type": "text/plain" },
      body: "true",
    });
    expect(outcome(response)).toEqual(NOT_JSON);
    expect(await api.storedTask(task.id)).toEqual(task);
  });

  test("a non-UUID id: 422", async () => {
    const alice = await api.user("alice");
    const response = await alice.patch("/api/tasks/nope/complete");
    expect(outcome(response)).toEqual(INVALID_ID);
  });

  test("no such task: 404", async () => {
    const alice = await api.user("alice");
    const response = await alice.patch(`/api/tasks/${NOT_A_TASK_ID}/complete`);
    expect(outcome(response)).toEqual(TASK_NOT_FOUND);
  });
});
