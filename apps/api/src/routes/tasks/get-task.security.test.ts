import { describe, expect, test } from "vitest";
import {
  authOutcome,
  createTask,
  FORBIDDEN_TASK,
  NOT_A_TASK_ID,
  outcome,
  refused,
  setupTestApi,
} from "../../../test/harness.ts";

const api = setupTestApi();

describe("GET /api/tasks/{id} security", () => {
  test("another user's task: 403, and nothing of it in the body", async () => {
    const alice = await api.user("alice");
    const bob = await api.user("bob");
    const task = await createTask(alice, { title: "Private" });
    const response = await bob.get(`/api/tasks/${task.id}`);
    expect(outcome(response)).toEqual(FORBIDDEN_TASK);
  });

  test("a missing task is 404 for everyone, distinct from 403", async () => {
    const bob = await api.user("bob");
    const response = await bob.get(`/api/tasks/${NOT_A_TASK_ID}`);
    expect(response.status).toBe(404);
  });

  test("without a token: 401", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    expect(authOutcome(await api.anonymous.get(`/api/tasks/${task.id}`))).toEqual(
      refused("Not authenticated"),
    );
  });

  test("authentication comes before validation: a bad id without a token is a 401", async () => {
    expect(authOutcome(await api.anonymous.get("/api/tasks/not-a-uuid"))).toEqual(
      refused("Not authenticated"),
    );
  });
});
