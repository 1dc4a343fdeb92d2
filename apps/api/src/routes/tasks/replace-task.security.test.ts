import { describe, expect, test } from "vitest";
import {
  authOutcome,
  createTask,
  FORBIDDEN_TASK,
  outcome,
  refused,
  setupTestApi,
  signToken,
} from "../../../test/harness.ts";

const api = setupTestApi();

describe("PUT /api/tasks/{id} security", () => {
  test("another user's task: 403 and the task is untouched", async () => {
    const alice = await api.user("alice");
    const bob = await api.user("bob");
    const task = await createTask(alice, { title: "Alice's", description: "hers" });
    const response = await bob.put(`/api/tasks/${task.id}`, { title: "Bob was here" });
    expect(outcome(response)).toEqual(FORBIDDEN_TASK);
    expect(await api.storedTask(task.id)).toEqual(task);
  });

  test("without a token: 401 and the task is untouched", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    const response = await api.anonymous.put(`/api/tasks/${task.id}`, { title: "Anonymous" });
    expect(authOutcome(response)).toEqual(refused("Not authenticated"));
    expect(await api.storedTask(task.id)).toEqual(task);
  });

  test("with an expired token: 401 and the task is untouched", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    const expired = api.withToken(await signToken(api.key, alice.id, { expiresIn: -60 }));
    const response = await expired.put(`/api/tasks/${task.id}`, { title: "Late" });
    expect(authOutcome(response)).toEqual(refused("Token has expired"));
    expect(await api.storedTask(task.id)).toEqual(task);
  });
});
