import { describe, expect, test } from "vitest";
import { createTask, setupTestApi, type TaskJson } from "../../../test/harness.ts";

const api = setupTestApi();

describe("DELETE /api/tasks/{id}", () => {
  test("204 with no body; the task is gone from the database and the list", async () => {
    const alice = await api.user("alice");
    const keep = await createTask(alice, { title: "Keep" });
    const task = await createTask(alice, { title: "Remove" });
    const response = await alice.delete(`/api/tasks/${task.id}`);
    expect(response.status).toBe(204);
    expect(response.text).toBe("");
    expect(await api.storedTask(task.id)).toBeUndefined();
    const list = await alice.get("/api/tasks");
    expect((list.body as TaskJson[]).map((t) => t.id)).toEqual([keep.id]);
    expect(list.headers.get("x-total-count")).toBe("1");
  });
});
