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

describe("PATCH /api/tasks/{id} security", () => {
  test("another user's task: 403 and the task is untouched", async () => {
    const alice = await api.user("alice");
    const bob = await api.user("bob");
    const task = await createTask(alice, { title: "Alice's" });
    const response = await bob.patch(`/api/tasks/${task.id}`, {
      title: "Bob's now",
      is_completed: true,
    });
    expect(outcome(response)).toEqual(FORBIDDEN_TASK);
    expect(await api.storedTask(task.id)).toEqual(task);
  });

  test("without a token: 401 and the task is untouched", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    const response = await api.anonymous.patch(`/api/tasks/${task.id}`, { title: "Anonymous" });
    expect(authOutcome(response)).toEqual(refused("Not authenticated"));
    expect(await api.storedTask(task.id)).toEqual(task);
  });

  test("with a forged token: 401 and the task is untouched", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    const [header, payload] = (alice.token ?? "").split(".");
    const forged = api.withToken(`${header}.${payload}.${"A".repeat(86)}`);
    const response = await forged.patch(`/api/tasks/${task.id}`, { title: "Forged" });
    expect(authOutcome(response)).toEqual(refused("Invalid authentication token"));
    expect(await api.storedTask(task.id)).toEqual(task);
  });
});
