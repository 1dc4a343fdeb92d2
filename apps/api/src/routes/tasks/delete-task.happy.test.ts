import { describe, expect, test } from "vitest";
import {
  createTask,
  outcome,
  setupTestApi,
  TASK_NOT_FOUND,
  type TaskJson,
  trashTask,
} from "../../../test/harness.ts";

const api = setupTestApi();

const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe("DELETE /api/tasks/{id}", () => {
  test("204 with no body; the task leaves the list and waits in the trash, as it was", async () => {
    const alice = await api.user("alice");
    const keep = await createTask(alice, { title: "Keep" });
    const task = await createTask(alice, { title: "Remove", priority: "high", labels: ["work"] });
    const response = await alice.delete(`/api/tasks/${task.id}`);
    expect(response.status).toBe(204);
    expect(response.text).toBe("");
    expect(await api.storedTask(task.id)).toBeUndefined();
    const list = await alice.get("/api/tasks");
    expect((list.body as TaskJson[]).map((t) => t.id)).toEqual([keep.id]);
    expect(list.headers.get("x-total-count")).toBe("1");
    const trashed = await api.storedTrashedTask(task.id);
    expect(trashed).toEqual({ ...task, deleted_at: expect.stringMatching(ISO_UTC_MS) });
  });

  test("every other route of a trashed task answers 404, as for a task that never was", async () => {
    const alice = await api.user("alice");
    const task = await trashTask(alice);
    const path = `/api/tasks/${task.id}`;
    const answers = [
      await alice.get(path),
      await alice.put(path, { title: "Again" }),
      await alice.patch(path, { title: "Again" }),
      await alice.patch(`${path}/complete`),
      await alice.delete(path),
    ];
    expect(answers.map(outcome)).toEqual(Array(5).fill(TASK_NOT_FOUND));
  });

  test("permanent=true deletes a live task for good: not in the list, not in the trash", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    const response = await alice.delete(`/api/tasks/${task.id}?permanent=true`);
    expect(response.status).toBe(204);
    expect([await api.storedTask(task.id), await api.storedTrashedTask(task.id)]).toEqual([
      undefined,
      undefined,
    ]);
  });

  test("permanent=true deletes a trashed task for good; the rest of the trash stays", async () => {
    const alice = await api.user("alice");
    const other = await trashTask(alice, { title: "Other" });
    const task = await trashTask(alice);
    const response = await alice.delete(`/api/tasks/${task.id}?permanent=true`);
    expect(response.status).toBe(204);
    const trash = await alice.get("/api/tasks?trashed=true");
    expect((trash.body as TaskJson[]).map((t) => t.id)).toEqual([other.id]);
  });

  test("permanent=false is the ordinary delete: into the trash", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    expect((await alice.delete(`/api/tasks/${task.id}?permanent=false`)).status).toBe(204);
    expect((await api.storedTrashedTask(task.id))?.id).toBe(task.id);
  });

  test("If-Match with the task's version deletes it, live or trashed", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    const ifMatch = { "if-match": `"${task.updated_at}"` };
    expect((await alice.delete(`/api/tasks/${task.id}`, ifMatch)).status).toBe(204);
    const forever = await alice.delete(`/api/tasks/${task.id}?permanent=true`, ifMatch);
    expect(forever.status).toBe(204);
    expect(await api.storedTrashedTask(task.id)).toBeUndefined();
  });
});
