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
