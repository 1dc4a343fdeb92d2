import { describe, expect, test } from "vitest";
import { createTask, setupTestApi, type TaskJson, trashTask } from "../../../test/harness.ts";

const api = setupTestApi();

describe("DELETE /api/tasks?trashed=true", () => {
  test("204; every trashed task is gone for good, the live ones stay", async () => {
    const alice = await api.user("alice");
    const live = await createTask(alice, { title: "Live" });
    const first = await trashTask(alice, { title: "First" });
    const second = await trashTask(alice, { title: "Second" });
    const response = await alice.delete("/api/tasks?trashed=true");
    expect({ status: response.status, text: response.text }).toEqual({ status: 204, text: "" });
    const trash = await alice.get("/api/tasks?trashed=true");
    const list = await alice.get("/api/tasks");
    expect({
      trash: trash.body,
      list: (list.body as TaskJson[]).map((t) => t.id),
      stored: [await api.storedTrashedTask(first.id), await api.storedTrashedTask(second.id)],
    }).toEqual({ trash: [], list: [live.id], stored: [undefined, undefined] });
  });

  test("an empty trash: 204 all the same", async () => {
    const alice = await api.user("alice");
    expect((await alice.delete("/api/tasks?trashed=true")).status).toBe(204);
  });

  test("a task emptied out of the trash can no longer be restored", async () => {
    const alice = await api.user("alice");
    const task = await trashTask(alice);
    await alice.delete("/api/tasks?trashed=true");
    const response = await alice.post(`/api/tasks/${task.id}/restore`);
    expect(response.status).toBe(404);
  });
});
