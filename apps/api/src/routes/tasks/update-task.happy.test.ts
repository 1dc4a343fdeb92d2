import { describe, expect, test } from "vitest";
import { createTask, setupTestApi, type TaskJson } from "../../../test/harness.ts";

const api = setupTestApi();

describe("PATCH /api/tasks/{id}", () => {
  test.each([
    ["only the title", { title: " Renamed " }, { title: "Renamed" }],
    ["only the description", { description: "more" }, { description: "more" }],
    ["clearing the description", { description: null }, { description: null }],
    ["only is_completed", { is_completed: true }, { is_completed: true }],
    [
      "all three",
      { title: "All", description: "of it", is_completed: true },
      { title: "All", description: "of it", is_completed: true },
    ],
  ])("changes %s, keeps the rest, moves updated_at", async (_, body, changed) => {
    const alice = await api.user("alice");
    const task = await createTask(alice, { title: "Original", description: "notes" });
    const response = await alice.patch(`/api/tasks/${task.id}`, body);
    expect(response.status).toBe(200);
    const updated = response.body as TaskJson;
    expect(updated).toEqual({ ...task, ...changed, updated_at: updated.updated_at });
    expect(updated.updated_at > task.updated_at).toBe(true);
    expect(await api.storedTask(task.id)).toEqual(updated);
  });

  test("the answer is the stored task as JSON.stringify writes it, byte for byte (Postgres writes it)", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    const response = await alice.patch(`/api/tasks/${task.id}`, {
      title: `Quotes " and \\ backslash, tab\t, emoji 🙂, 𝄞 and </script>`,
      description: "line one\nline two\r\n\u0001 control, \u2028 separator",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.text).toBe(JSON.stringify(await api.storedTask(task.id)));
  });

  test("updated_at strictly increases over quick successive changes", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    const stamps = [task.updated_at];
    for (let i = 0; i < 5; i += 1) {
      const response = await alice.patch(`/api/tasks/${task.id}`, { title: `Edit ${i}` });
      stamps.push((response.body as TaskJson).updated_at);
    }
    expect(stamps).toEqual([...new Set(stamps)].sort());
    expect(new Set(stamps).size).toBe(6);
  });

  test("ignores user_id and other unknown fields next to a real change", async () => {
    const alice = await api.user("alice");
    const bob = await api.user("bob");
    const task = await createTask(alice);
    const response = await alice.patch(`/api/tasks/${task.id}`, { title: "Mine", user_id: bob.id });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ user_id: alice.id, title: "Mine" });
  });
});
