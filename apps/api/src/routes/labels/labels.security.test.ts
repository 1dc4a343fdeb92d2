import { describe, expect, test } from "vitest";
import { createTask, setupTestApi } from "../../../test/harness.ts";

const api = setupTestApi();

describe("the label endpoints: another user's labels are invisible and never change", () => {
  test("same name, separate data", async () => {
    const alice = await api.user("alice");
    const bob = await api.user("bob");
    const bobs = await createTask(bob, { title: "b", labels: ["work", "bob-only"] });
    await createTask(alice, { title: "a", labels: ["work"] });
    expect((await alice.get("/api/labels")).body).toEqual([
      { name: "work", task_count: 1, open_count: 1 },
    ]);
    expect((await alice.patch("/api/labels/bob-only", { name: "x" })).status).toBe(404);
    expect((await alice.delete("/api/labels/bob-only")).status).toBe(404);
    expect((await alice.patch("/api/labels/work", { name: "job" })).status).toBe(204);
    expect((await alice.delete("/api/labels/job")).status).toBe(204);
    expect(await api.storedTask(bobs.id)).toEqual(bobs);
  });
});
