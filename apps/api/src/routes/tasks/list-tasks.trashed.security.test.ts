import { describe, expect, test } from "vitest";
import {
  authOutcome,
  createSigningKey,
  nextLink,
  refused,
  setupTestApi,
  signToken,
  type TaskJson,
  trashTask,
} from "../../../test/harness.ts";

const api = setupTestApi();

describe("GET /api/tasks?trashed=true security", () => {
  test("each user sees only their own trash, and counts only it", async () => {
    const alice = await api.user("alice");
    const bob = await api.user("bob");
    const mine = await trashTask(alice, { title: "Alice's" });
    await trashTask(bob, { title: "Bob's" });
    const response = await alice.get("/api/tasks?trashed=true");
    expect({
      ids: (response.body as TaskJson[]).map((t) => t.id),
      total: response.headers.get("x-total-count"),
    }).toEqual({ ids: [mine.id], total: "1" });
  });

  test("another user's trash cursor shows them nothing of the owner's", async () => {
    const alice = await api.user("alice");
    const bob = await api.user("bob");
    await trashTask(alice);
    await trashTask(alice);
    const link = nextLink(await alice.get("/api/tasks?trashed=true&limit=1")) ?? "";
    const response = await bob.get(link);
    expect({ status: response.status, body: response.body }).toEqual({ status: 200, body: [] });
  });

  test("without a token: 401", async () => {
    const response = await api.anonymous.get("/api/tasks?trashed=true");
    expect(authOutcome(response)).toEqual(refused("Not authenticated"));
  });

  test("with a token signed by another key: 401", async () => {
    const alice = await api.user("alice");
    await trashTask(alice);
    const forged = api.withToken(await signToken(await createSigningKey(), alice.id));
    const response = await forged.get("/api/tasks?trashed=true");
    expect(authOutcome(response)).toEqual(refused("Invalid authentication token"));
  });
});
