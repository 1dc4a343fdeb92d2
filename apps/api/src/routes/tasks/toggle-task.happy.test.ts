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

  test("the answer is the stored task as JSON.stringify writes it, byte for byte (Postgres writes it)", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, {
      title: `Quotes " and \\ backslash, tab\t, emoji 🙂, 𝄞 and </script>`,
      description: "line one\nline two\r\n\u0001 control, \u2028 separator",
    });
    const response = await alice.patch(`/api/tasks/${task.id}/complete`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.text).toBe(JSON.stringify(await api.storedTask(task.id)));
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

  test("toggles of one task sent at once all apply, one after another", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => alice.patch(`/api/tasks/${task.id}/complete`)),
    );

    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    const results = responses.map((response) => response.body as TaskJson);
    expect(results.filter((t) => t.is_completed)).toHaveLength(3);
    expect(new Set(results.map((t) => t.updated_at)).size).toBe(5);
    const last = results.reduce((a, b) => (a.updated_at > b.updated_at ? a : b));
    expect(last.is_completed).toBe(true);
    expect(await api.storedTask(task.id)).toEqual(last);
  });

  test("completions sent at once by several users each change only the caller's task", async () => {
    const alice = await api.user("alice");
    const bob = await api.user("bob");
    const [a1, a2, b1] = await Promise.all([createTask(alice), createTask(alice), createTask(bob)]);
    const [r1, r2, r3, stolen] = await Promise.all([
      alice.patch(`/api/tasks/${a1.id}/complete`, { is_completed: true }),
      alice.patch(`/api/tasks/${a2.id}/complete`),
      bob.patch(`/api/tasks/${b1.id}/complete`, { is_completed: false }),
      bob.patch(`/api/tasks/${a1.id}/complete`, { is_completed: false }),
    ]);

    expect([r1, r2, r3].map((r) => [r.status, completion(r)])).toEqual([
      [200, true],
      [200, true],
      [200, false],
    ]);
    expect(stolen.status).toBe(403);
    expect((await api.storedTask(a1.id))?.is_completed).toBe(true);
  });
});
