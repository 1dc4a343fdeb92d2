import { describe, expect, test } from "vitest";
import { createTask, setupTestApi } from "../../../test/harness.ts";

const api = setupTestApi();

describe("task fields: another user's task never changes", () => {
  test("PATCH of the due fields or labels on someone else's task: 403, nothing changes", async () => {
    const alice = await api.user("alice");
    const mallory = await api.user("mallory");
    const task = await createTask(alice, { title: "t", due_date: "2027-01-31", labels: ["a"] });
    for (const body of [
      { due_time: "10:00" },
      { due_date: null },
      { labels: ["x"], priority: "high" },
    ]) {
      const response = await mallory.patch(`/api/tasks/${task.id}`, body);
      expect(response.status).toBe(403);
    }
    const put = await mallory.put(`/api/tasks/${task.id}`, { title: "x", labels: ["x"] });
    expect(put.status).toBe(403);
    expect(await api.storedTask(task.id)).toEqual(task);
  });

  test("a PATCH of the due fields on a task that does not exist: 404", async () => {
    const alice = await api.user("alice");
    const response = await alice.patch("/api/tasks/0b9d6c3e-8f43-4a57-9d55-2f1c8e4a7b10", {
      due_time: "10:00",
    });
    expect(response.status).toBe(404);
  });
});
