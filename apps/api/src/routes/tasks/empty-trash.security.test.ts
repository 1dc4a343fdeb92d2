import { describe, expect, test } from "vitest";
import {
  authOutcome,
  refused,
  setupTestApi,
  signToken,
  type TaskJson,
  trashTask,
} from "../../../test/harness.ts";

const api = setupTestApi();

describe("DELETE /api/tasks?trashed=true security", () => {
  test("empties only the caller's trash: another user's stays", async () => {
    const alice = await api.user("alice");
    const bob = await api.user("bob");
    const bobs = await trashTask(bob, { title: "Bob's" });
    await trashTask(alice, { title: "Alice's" });
    expect((await alice.delete("/api/tasks?trashed=true")).status).toBe(204);
    const trash = await bob.get("/api/tasks?trashed=true");
    expect((trash.body as TaskJson[]).map((t) => t.id)).toEqual([bobs.id]);
  });

  test("without a token: 401, and the trash stays", async () => {
    const alice = await api.user("alice");
    const task = await trashTask(alice);
    const response = await api.anonymous.delete("/api/tasks?trashed=true");
    expect(authOutcome(response)).toEqual(refused("Not authenticated"));
    expect((await api.storedTrashedTask(task.id))?.id).toBe(task.id);
  });

  test("with a token for the wrong issuer: 401, and the trash stays", async () => {
    const alice = await api.user("alice");
    const task = await trashTask(alice);
    const wrongIssuer = api.withToken(
      await signToken(api.key, alice.id, { claims: { iss: "http://evil.example" } }),
    );
    const response = await wrongIssuer.delete("/api/tasks?trashed=true");
    expect(authOutcome(response)).toEqual(refused("Invalid authentication token"));
    expect((await api.storedTrashedTask(task.id))?.id).toBe(task.id);
  });
});
