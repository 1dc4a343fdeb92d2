import { describe, expect, test } from "vitest";
import { createTask, setupTestApi, type TaskJson } from "../../../test/harness.ts";

const api = setupTestApi();

describe("GET /api/tasks filters: another user's tasks never appear", () => {
  test.each([
    "priority=high",
    "label=shared",
    "due=any",
    "due=overdue",
    "due_before=2030-01-01",
    "q=secret",
    "q=secrte",
    "sort=title",
    "sort=-due_at",
    "q=secret&sort=relevance",
  ])("%s", async (query) => {
    const alice = await api.user("alice");
    const bob = await api.user("bob");
    const mine = await createTask(alice, {
      title: "secret plan",
      priority: "high",
      labels: ["shared"],
      due_date: "2020-01-01",
    });
    await createTask(bob, {
      title: "secret plan",
      priority: "high",
      labels: ["Shared"],
      due_date: "2020-01-01",
    });
    const response = await alice.get(`/api/tasks?${query}`);
    expect(response.status).toBe(200);
    expect((response.body as TaskJson[]).map((t) => t.id)).toEqual([mine.id]);
    expect(response.headers.get("x-total-count")).toBe("1");
  });
});
