import { describe, expect, test } from "vitest";
import { authOutcome, refused, setupTestApi } from "../../../test/harness.ts";

const api = setupTestApi();

describe("POST /api/tasks security", () => {
  test("without a token: 401 and nothing stored", async () => {
    const response = await api.anonymous.post("/api/tasks", { title: "Sneaky" });
    expect(authOutcome(response)).toEqual(refused("Not authenticated"));
    const alice = await api.user("alice");
    expect((await alice.get("/api/tasks")).headers.get("x-total-count")).toBe("0");
  });

  test("authentication comes before validation: a bad body without a token is a 401", async () => {
    const response = await api.anonymous.fetch("/api/tasks", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(authOutcome(response)).toEqual(refused("Not authenticated"));
  });

  test("a task is created for the token's user only, whatever user_id the body names", async () => {
    const alice = await api.user("alice");
    const bob = await api.user("bob");
    const response = await bob.post("/api/tasks", { title: "Planted", user_id: alice.id });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ user_id: bob.id });
    expect((await alice.get("/api/tasks")).body).toEqual([]);
  });
});
