import { describe, expect, test } from "vitest";
import {
  INVALID_ID,
  NOT_A_TASK_ID,
  outcome,
  setupTestApi,
  TASK_NOT_FOUND,
} from "../../../test/harness.ts";

const api = setupTestApi();

describe("GET /api/tasks/{id} errors", () => {
  test.each([
    "123",
    "not-a-uuid",
    "5d3e1c2b0a9f4e8db7c6a5f4e3d2c1b0",
    "5d3e1c2b-0a9f-4e8d-b7c6-a5f4e3d2c1bz",
  ])("a non-UUID id (%s): 422", async (id) => {
    const alice = await api.user("alice");
    const response = await alice.get(`/api/tasks/${id}`);
    expect(outcome(response)).toEqual(INVALID_ID);
  });

  test("no such task: 404", async () => {
    const alice = await api.user("alice");
    const response = await alice.get(`/api/tasks/${NOT_A_TASK_ID}`);
    expect(outcome(response)).toEqual(TASK_NOT_FOUND);
  });

  test("a deleted task: 404", async () => {
    const alice = await api.user("alice");
    const created = await alice.post("/api/tasks", { title: "Soon gone" });
    const id = (created.body as { id: string }).id;
    expect((await alice.delete(`/api/tasks/${id}`)).status).toBe(204);
    const response = await alice.get(`/api/tasks/${id}`);
    expect(outcome(response)).toEqual(TASK_NOT_FOUND);
  });
});
