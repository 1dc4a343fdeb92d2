import { describe, expect, test } from "vitest";
import { createTask, setupTestApi, type TaskJson } from "../../../test/harness.ts";

const api = setupTestApi();

describe("the label endpoints", () => {
  test("GET /api/labels: the caller's labels sorted ignoring case, with task and open counts", async () => {
    const alice = await api.user("alice");
    const done = await createTask(alice, { title: "a", labels: ["work", "Urgent"] });
    await alice.patch(`/api/tasks/${done.id}/complete`);
    await createTask(alice, { title: "b", labels: ["Work", "home"] });
    await createTask(alice, { title: "c" });
    const response = await alice.get("/api/labels");
    expect(response.status).toBe(200);
    expect(response.body).toEqual([
      { name: "home", task_count: 1, open_count: 1 },
      { name: "Urgent", task_count: 1, open_count: 0 },
      { name: "Work", task_count: 2, open_count: 1 },
    ]);
    expect((await (await api.user("nobody")).get("/api/labels")).body).toEqual([]);
  });

  test("PATCH renames on every task, in any spelling, merging into a label of the new name; each task gets a new version", async () => {
    const alice = await api.user("alice");
    const a = await createTask(alice, { title: "a", labels: ["job", "work"] });
    const b = await createTask(alice, { title: "b", labels: ["Job", "x"] });
    const c = await createTask(alice, { title: "c", labels: ["y"] });
    const response = await alice.patch("/api/labels/JOB", { name: "Work" });
    expect(response.status).toBe(204);
    const after = async (task: TaskJson) =>
      (await alice.get(`/api/tasks/${task.id}`)).body as TaskJson;
    expect((await after(a)).labels).toEqual(["Work"]);
    expect((await after(b)).labels).toEqual(["Work", "x"]);
    expect(await after(c)).toEqual(c);
    expect((await after(a)).updated_at > a.updated_at).toBe(true);
    expect((await alice.get("/api/tasks?label=work")).headers.get("x-total-count")).toBe("2");
  });

  test("DELETE removes the label from every task and keeps the tasks", async () => {
    const alice = await api.user("alice");
    const a = await createTask(alice, { title: "a", labels: ["Old", "keep"] });
    const response = await alice.delete("/api/labels/old");
    expect(response.status).toBe(204);
    expect(((await alice.get(`/api/tasks/${a.id}`)).body as TaskJson).labels).toEqual(["keep"]);
    expect((await alice.get("/api/labels")).body).toEqual([
      { name: "keep", task_count: 1, open_count: 1 },
    ]);
  });

  test("a renamed label is renamed in the trash too: a restored task carries the new name", async () => {
    const alice = await api.user("alice");
    await createTask(alice, { title: "live", labels: ["job"] });
    const trashed = await createTask(alice, { title: "trashed", labels: ["Job", "x"] });
    expect((await alice.delete(`/api/tasks/${trashed.id}`)).status).toBe(204);
    expect((await alice.patch("/api/labels/job", { name: "Work" })).status).toBe(204);
    const restored = await alice.post(`/api/tasks/${trashed.id}/restore`);
    expect((restored.body as TaskJson).labels).toEqual(["Work", "x"]);
  });

  test("a deleted label is gone from the trash too: a restored task no longer carries it", async () => {
    const alice = await api.user("alice");
    await createTask(alice, { title: "live", labels: ["old"] });
    const trashed = await createTask(alice, { title: "trashed", labels: ["Old", "keep"] });
    expect((await alice.delete(`/api/tasks/${trashed.id}`)).status).toBe(204);
    expect((await alice.delete("/api/labels/old")).status).toBe(204);
    const restored = await alice.post(`/api/tasks/${trashed.id}/restore`);
    expect((restored.body as TaskJson).labels).toEqual(["keep"]);
  });

  test("a label with spaces, accents and a slash is named by its URL-encoded path segment", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, { title: "a", labels: ["Été 2027/Q3"] });
    const path = `/api/labels/${encodeURIComponent("été 2027/q3")}`;
    expect((await alice.patch(path, { name: "Summer" })).status).toBe(204);
    expect(((await alice.get(`/api/tasks/${task.id}`)).body as TaskJson).labels).toEqual([
      "Summer",
    ]);
  });
});
