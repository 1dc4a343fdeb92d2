import { describe, expect, test } from "vitest";
import { createTask, setupTestApi, type TaskJson } from "../../../test/harness.ts";

const api = setupTestApi();

const completion = (response: { body: unknown }) => (response.body as TaskJson).is_completed;

describe("PATCH /api/tasks/{id}/complete", () => {
  test("without a body, toggles back and forth; updated_at moves each time", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    const first = await alice.patch(`/api/tasks/${task.id}/complete`);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      ...task,
      is_completed: true,
      updated_at: (first.body as TaskJson).updated_at,
    });
    const second = await alice.patch(`/api/tasks/${task.id}/complete`);
    expect(completion(second)).toBe(false);
    const stamps = [task, first.body, second.body].map((t) => (t as TaskJson).updated_at);
    expect(new Set(stamps).size).toBe(3);
    expect(stamps).toEqual([...stamps].sort());
    expect(await api.storedTask(task.id)).toEqual(second.body);
  });

  test("an empty object toggles", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    expect(completion(await alice.patch(`/api/tasks/${task.id}/complete`, {}))).toBe(true);
  });

  test("a JSON content type with an empty body toggles", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    const response = await alice.send("PATCH", `/api/tasks/${task.id}/complete`, "");
    expect(response.status).toBe(200);
    expect(completion(response)).toBe(true);
  });

  test('{"is_completed": true} sets it, and setting it again keeps it', async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    const once = await alice.patch(`/api/tasks/${task.id}/complete`, { is_completed: true });
    const twice = await alice.patch(`/api/tasks/${task.id}/complete`, { is_completed: true });
    expect([completion(once), completion(twice)]).toEqual([true, true]);
    const cleared = await alice.patch(`/api/tasks/${task.id}/complete`, { is_completed: false });
    expect(completion(cleared)).toBe(false);
  });

  test("leaves title and description alone", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, { title: "Stay", description: "as is" });
    const response = await alice.patch(`/api/tasks/${task.id}/complete`);
    expect(response.body).toMatchObject({ title: "Stay", description: "as is" });
  });
});
