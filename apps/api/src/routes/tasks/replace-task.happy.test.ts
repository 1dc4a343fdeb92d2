import { describe, expect, test } from "vitest";
import { createTask, setupTestApi } from "../../../test/harness.ts";

const api = setupTestApi();

describe("PUT /api/tasks/{id}", () => {
  test("replaces title and description; updated_at moves, the rest stays", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, { title: "Old", description: "old notes" });
    const response = await alice.put(`/api/tasks/${task.id}`, {
      title: "  New  ",
      description: "new notes",
    });
    expect(response.status).toBe(200);
    const updated = response.body as typeof task;
    expect(updated).toEqual({
      ...task,
      title: "New",
      description: "new notes",
      updated_at: updated.updated_at,
    });
    expect(updated.updated_at > task.updated_at).toBe(true);
    expect(await api.storedTask(task.id)).toEqual(updated);
  });

  test("an omitted description becomes null", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, { title: "Old", description: "notes" });
    const response = await alice.put(`/api/tasks/${task.id}`, { title: "Only a title" });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ title: "Only a title", description: null });
  });

  test("keeps is_completed and ignores fields it does not own", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    await alice.patch(`/api/tasks/${task.id}/complete`);
    const bob = await api.user("bob");
    const response = await alice.put(`/api/tasks/${task.id}`, {
      title: "Renamed",
      is_completed: false,
      user_id: bob.id,
      id: "00000000-0000-4000-8000-000000000000",
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: task.id,
      user_id: alice.id,
      title: "Renamed",
      is_completed: true,
    });
  });

  test("the same PUT twice still moves updated_at each time", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    const first = await alice.put(`/api/tasks/${task.id}`, { title: "Same" });
    const second = await alice.put(`/api/tasks/${task.id}`, { title: "Same" });
    const a = (first.body as typeof task).updated_at;
    const b = (second.body as typeof task).updated_at;
    expect(b > a).toBe(true);
  });
});
