import { describe, expect, test } from "vitest";
import { createTask, setupTestApi, type TaskJson } from "../../../test/harness.ts";

const api = setupTestApi();

const tagOf = (task: TaskJson) => `"${task.updated_at}"`;
const ifMatch = (tag: string) => ({ "if-match": tag });
const CHANGED = "This task was changed elsewhere since you loaded it.";

describe("ETag on every answer with a task", () => {
  test("is the task's updated_at, quoted, on create, get, PUT, PATCH and the toggle", async () => {
    const alice = await api.user("alice");
    const created = await alice.post("/api/tasks", { title: "Tagged" });
    const id = (created.body as TaskJson).id;
    const answers = [
      created,
      await alice.get(`/api/tasks/${id}`),
      await alice.put(`/api/tasks/${id}`, { title: "Tagged again" }),
      await alice.patch(`/api/tasks/${id}`, { description: "notes" }),
      await alice.patch(`/api/tasks/${id}/complete`),
    ];
    expect(answers.map((a) => a.headers.get("etag"))).toEqual(
      answers.map((a) => tagOf(a.body as TaskJson)),
    );
    // Every write moved it: the create's, PUT's, PATCH's and toggle's tags all differ.
    const writes = [answers[0], ...answers.slice(2)];
    expect(new Set(writes.map((a) => a?.headers.get("etag"))).size).toBe(4);
  });
});

describe("If-Match", () => {
  const writes = {
    PUT: (user: Awaited<ReturnType<typeof api.user>>, id: string, tag: string) =>
      user.put(`/api/tasks/${id}`, { title: "Mine" }, ifMatch(tag)),
    PATCH: (user: Awaited<ReturnType<typeof api.user>>, id: string, tag: string) =>
      user.patch(`/api/tasks/${id}`, { title: "Mine" }, ifMatch(tag)),
    toggle: (user: Awaited<ReturnType<typeof api.user>>, id: string, tag: string) =>
      user.patch(`/api/tasks/${id}/complete`, undefined, ifMatch(tag)),
    DELETE: (user: Awaited<ReturnType<typeof api.user>>, id: string, tag: string) =>
      user.delete(`/api/tasks/${id}`, ifMatch(tag)),
  };

  for (const [name, write] of Object.entries(writes)) {
    test(`${name} with a stale tag: 412 with the current task and its ETag; nothing changes`, async () => {
      const alice = await api.user("alice");
      const read = await createTask(alice, { title: "Original" });
      const theirs = (await alice.put(`/api/tasks/${read.id}`, { title: "Theirs" }))
        .body as TaskJson;
      const refused = await write(alice, read.id, tagOf(read));
      expect({
        status: refused.status,
        body: refused.body,
        etag: refused.headers.get("etag"),
      }).toEqual({ status: 412, body: { detail: CHANGED, task: theirs }, etag: tagOf(theirs) });
      expect(await api.storedTask(read.id)).toEqual(theirs);
    });

    test(`${name} with the current tag goes through`, async () => {
      const alice = await api.user("alice");
      const read = await createTask(alice, { title: "Original" });
      const done = await write(alice, read.id, tagOf(read));
      expect(done.status).toBe(name === "DELETE" ? 204 : 200);
    });
  }

  test("`*` matches any version; a weak or foreign tag matches none", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, { title: "Any" });
    const star = await alice.put(`/api/tasks/${task.id}`, { title: "Star" }, ifMatch("*"));
    expect(star.status).toBe(200);
    const current = star.body as TaskJson;
    for (const tag of [`W/${tagOf(current)}`, '"not-a-version"', "garbage"]) {
      const refused = await alice.put(`/api/tasks/${task.id}`, { title: "No" }, ifMatch(tag));
      expect(refused.status).toBe(412);
    }
    const listed = await alice.put(
      `/api/tasks/${task.id}`,
      { title: "Listed" },
      ifMatch(`"2020-01-01T00:00:00.000Z", ${tagOf(current)}`),
    );
    expect(listed.status).toBe(200);
  });

  test("a missing or foreign task is still a 404 or 403 with If-Match", async () => {
    const alice = await api.user("alice");
    const bob = await api.user("bob");
    const hers = await createTask(alice, { title: "Hers" });
    const foreign = await bob.put(`/api/tasks/${hers.id}`, { title: "No" }, ifMatch(tagOf(hers)));
    const missing = await bob.delete(
      "/api/tasks/5d3e1c2b-0a9f-4e8d-b7c6-a5f4e3d2c1b0",
      ifMatch(tagOf(hers)),
    );
    expect([foreign.status, missing.status]).toEqual([403, 404]);
  });

  test("two edits from the same version: the second is refused, nothing is overwritten", async () => {
    const alice = await api.user("alice");
    const read = await createTask(alice, { title: "Shared" });
    const [one, two] = await Promise.all([
      alice.put(`/api/tasks/${read.id}`, { title: "Laptop" }, ifMatch(tagOf(read))),
      alice.put(`/api/tasks/${read.id}`, { title: "Phone" }, ifMatch(tagOf(read))),
    ]);
    const statuses = [one.status, two.status].sort();
    expect(statuses).toEqual([200, 412]);
    const winner = (one.status === 200 ? one : two).body as TaskJson;
    expect(await api.storedTask(read.id)).toEqual(winner);
  });
});
