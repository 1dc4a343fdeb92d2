import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { createTask, setupTestApi } from "../../../test/harness.ts";
import { tasks } from "../../db/schema.ts";

const api = setupTestApi();

const CSV = "TYPE,CONTENT\r\ntask,Imported\r\n";

describe("POST /api/import and other users", () => {
  test("creates only the caller's tasks; another user's stay as they were", async () => {
    const alice = await api.user("alice");
    const bob = await api.user("bob");
    const bobs = await createTask(bob, { title: "Bob's" });
    await alice.send("POST", "/api/import", CSV, "text/csv");
    expect({
      alice: ((await alice.get("/api/tasks")).body as { title: string }[]).map((t) => t.title),
      bob: (await bob.get("/api/tasks")).body,
    }).toEqual({ alice: ["Imported"], bob: [bobs] });
  });

  test("a deleted account's token: 401 Account deleted, nothing written", async () => {
    const gone = await api.user("gone");
    await gone.delete("/api/me");
    const response = await gone.send("POST", "/api/import", CSV, "text/csv");
    const rows = await api.database.db.select().from(tasks).where(eq(tasks.userId, gone.id));
    expect([response.status, response.body, rows]).toEqual([
      401,
      { detail: "Account deleted" },
      [],
    ]);
  });

  test("a deleted account's preview: 401 Account deleted", async () => {
    const gone = await api.user("gone");
    await gone.delete("/api/me");
    const response = await gone.send("POST", "/api/import?preview=true", CSV, "text/csv");
    expect([response.status, response.body]).toEqual([401, { detail: "Account deleted" }]);
  });

  test("without a token: 401", async () => {
    const response = await api.anonymous.send("POST", "/api/import", CSV, "text/csv");
    expect(response.status).toBe(401);
  });
});
