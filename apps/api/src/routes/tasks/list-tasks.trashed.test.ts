import { describe, expect, test } from "vitest";
import {
  createTask,
  nextLink,
  setupTestApi,
  type TaskJson,
  trashTask,
} from "../../../test/harness.ts";

const api = setupTestApi();

const ids = (response: { body: unknown }) => (response.body as TaskJson[]).map((t) => t.id);

describe("GET /api/tasks?trashed=true", () => {
  test("an empty trash: [], X-Total-Count 0, no Link", async () => {
    const alice = await api.user("alice");
    await createTask(alice);
    const response = await alice.get("/api/tasks?trashed=true");
    expect({
      status: response.status,
      body: response.body,
      total: response.headers.get("x-total-count"),
      link: response.headers.get("link"),
    }).toEqual({ status: 200, body: [], total: "0", link: null });
  });

  test("the caller's trashed tasks, newest deletion first, each with its deleted_at; live ones not", async () => {
    const alice = await api.user("alice");
    const older = await createTask(alice, { title: "Created first" });
    const newer = await createTask(alice, { title: "Created second" });
    const live = await createTask(alice, { title: "Live" });
    await alice.delete(`/api/tasks/${newer.id}`);
    await alice.delete(`/api/tasks/${older.id}`);
    const response = await alice.get("/api/tasks?trashed=true");
    const listed = response.body as TaskJson[];
    expect(ids(response)).toEqual([older.id, newer.id]);
    expect(listed).toEqual([
      await api.storedTrashedTask(older.id),
      await api.storedTrashedTask(newer.id),
    ]);
    expect(listed.every((t) => t.deleted_at !== null)).toBe(true);
    expect(ids(await alice.get("/api/tasks"))).toEqual([live.id]);
  });

  test("the page is the same JSON as the trash holds, byte for byte", async () => {
    const alice = await api.user("alice");
    const task = await trashTask(alice, {
      title: `Quotes " and \\ backslash, emoji 🙂`,
      description: "line one\nline two",
      priority: "medium",
      due_date: "2027-03-14",
      due_time: "02:30",
      time_zone: "America/New_York",
      labels: ["Work", "ärger"],
    });
    const response = await alice.get("/api/tasks?trashed=true");
    expect(response.text).toBe(JSON.stringify([await api.storedTrashedTask(task.id)]));
  });

  test("pages with limit and the Link cursor, X-Total-Count on every page", async () => {
    const alice = await api.user("alice");
    const trashed: string[] = [];
    for (let n = 0; n < 5; n += 1) trashed.unshift((await trashTask(alice, { title: `t${n}` })).id);
    const seen: string[] = [];
    const totals: (string | null)[] = [];
    let next: string | undefined = "/api/tasks?trashed=true&limit=2";
    while (next !== undefined) {
      const page = await alice.get(next);
      seen.push(...ids(page));
      totals.push(page.headers.get("x-total-count"));
      next = nextLink(page);
    }
    expect({ seen, totals }).toEqual({ seen: trashed, totals: ["5", "5", "5"] });
  });

  test("a task deleted more than 30 days ago is left out of the list and its count", async () => {
    const alice = await api.user("alice");
    const old = await trashTask(alice, { title: "Old" });
    const recent = await trashTask(alice, { title: "Recent" });
    await api.ageTrashedTask(old.id, 31);
    const response = await alice.get("/api/tasks?trashed=true");
    expect([ids(response), response.headers.get("x-total-count")]).toEqual([[recent.id], "1"]);
  });

  test("trashed=false is the ordinary list", async () => {
    const alice = await api.user("alice");
    const live = await createTask(alice);
    await trashTask(alice);
    expect(ids(await alice.get("/api/tasks?trashed=false"))).toEqual([live.id]);
  });
});
