import { describe, expect, test } from "vitest";
import { createTask, setupTestApi } from "../../../test/harness.ts";

const api = setupTestApi();

describe("GET /api/tasks/{id}", () => {
  test("returns the caller's task", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, { title: "Read", description: "a book" });
    const response = await alice.get(`/api/tasks/${task.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(task);
  });

  test("the answer is the stored task as JSON.stringify writes it, byte for byte (Postgres writes it)", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, {
      title: `Quotes " and \\ backslash, tab\t, emoji 🙂, 𝄞 and </script>`,
      description: "line one\nline two\r\n\u0001 control, \u2028 separator",
    });
    const response = await alice.get(`/api/tasks/${task.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.text).toBe(JSON.stringify(await api.storedTask(task.id)));
  });

  test("accepts the id in upper case", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    const response = await alice.get(`/api/tasks/${task.id.toUpperCase()}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(task);
  });

  test("HEAD answers like GET without a body", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    const response = await alice.fetch(`/api/tasks/${task.id}`, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(response.text).toBe("");
  });
});
