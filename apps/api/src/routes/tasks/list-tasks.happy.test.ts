import { sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { createTask, nextLink, setupTestApi, type TaskJson } from "../../../test/harness.ts";
import { tasks } from "../../db/schema.ts";

const api = setupTestApi();

/** Follows Link headers from `path` to the end; returns every page. */
async function walk(user: Awaited<ReturnType<typeof api.user>>, path: string) {
  const pages: { tasks: TaskJson[]; total: string | null; link: string | undefined }[] = [];
  let next: string | undefined = path;
  while (next !== undefined) {
    const response = await user.get(next);
    expect(response.status).toBe(200);
    next = nextLink(response);
    pages.push({
      tasks: response.body as TaskJson[],
      total: response.headers.get("x-total-count"),
      link: next,
    });
  }
  return pages;
}

const newestFirst = (a: TaskJson, b: TaskJson) =>
  b.created_at.localeCompare(a.created_at) || (a.id < b.id ? 1 : -1);

describe("GET /api/tasks", () => {
  test("no tasks: an empty array, X-Total-Count 0, no Link", async () => {
    const alice = await api.user("alice");
    const response = await alice.get("/api/tasks");
    expect(response.status).toBe(200);
    expect(response.body).toEqual([]);
    expect(response.headers.get("x-total-count")).toBe("0");
    expect(response.headers.get("link")).toBeNull();
  });

  test("the caller's tasks, newest first, exactly as created", async () => {
    const alice = await api.user("alice");
    const first = await createTask(alice, { title: "First" });
    const second = await createTask(alice, { title: "Second", description: "notes" });
    const third = await createTask(alice, { title: "Third" });

    const response = await alice.get("/api/tasks");
    expect(response.status).toBe(200);
    expect(response.body).toEqual([third, second, first].sort(newestFirst));
    expect((response.body as TaskJson[]).map((t) => t.title)).toEqual(["Third", "Second", "First"]);
    expect(response.headers.get("x-total-count")).toBe("3");
    expect(response.headers.get("link")).toBeNull();
  });

  test("the page is the same JSON as each task's own answer, byte for byte: text, nulls, booleans, timestamps", async () => {
    const alice = await api.user("alice");
    const odd = await createTask(alice, {
      title: `Quotes " and \\ backslash, tab\t, emoji 🙂, accents é, 𝄞 and </script>`,
      description: "line one\nline two\r\n\u0001 control, \u2028 separator",
    });
    const done = await createTask(alice, { title: "Done", description: null });
    const toggled = await alice.patch(`/api/tasks/${done.id}/complete`);

    const response = await alice.get("/api/tasks");
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.body).toEqual([toggled.body as TaskJson, odd].sort(newestFirst));
    // Byte for byte what JSON.stringify makes of the tasks.
    expect(response.text).toBe(JSON.stringify([toggled.body as TaskJson, odd].sort(newestFirst)));
    for (const task of response.body as TaskJson[]) {
      expect((await alice.get(`/api/tasks/${task.id}`)).body).toEqual(task);
    }
  });

  test("status=pending and status=completed filter, and X-Total-Count counts the filtered set", async () => {
    const alice = await api.user("alice");
    const open = await createTask(alice, { title: "Open" });
    const done = await createTask(alice, { title: "Done" });
    const toggled = await alice.patch(`/api/tasks/${done.id}/complete`);
    expect(toggled.status).toBe(200);

    const pending = await alice.get("/api/tasks?status=pending");
    expect(pending.status).toBe(200);
    expect((pending.body as TaskJson[]).map((t) => t.id)).toEqual([open.id]);
    expect(pending.headers.get("x-total-count")).toBe("1");

    const completed = await alice.get("/api/tasks?status=completed");
    expect(completed.status).toBe(200);
    expect(completed.body).toEqual([toggled.body]);
    expect(completed.headers.get("x-total-count")).toBe("1");

    const all = await alice.get("/api/tasks?status=all");
    expect((all.body as TaskJson[]).map((t) => t.id)).toEqual([done.id, open.id]);
    expect(all.headers.get("x-total-count")).toBe("2");
  });

  test("walks 23 tasks in pages of 5 with no duplicates or gaps, X-Total-Count on every page", async () => {
    const alice = await api.user("alice");
    const created: TaskJson[] = [];
    for (let i = 0; i < 23; i += 1) created.push(await createTask(alice, { title: `Task ${i}` }));

    const pages = await walk(alice, "/api/tasks?limit=5");
    expect(pages.map((p) => p.tasks.length)).toEqual([5, 5, 5, 5, 3]);
    expect(pages.map((p) => p.total)).toEqual(["23", "23", "23", "23", "23"]);
    const seen = pages.flatMap((p) => p.tasks);
    expect(seen).toEqual([...created].sort(newestFirst));
    expect(new Set(seen.map((t) => t.id)).size).toBe(23);
  });

  test("rows sharing a created_at, or written with microseconds, are neither skipped nor repeated", async () => {
    const alice = await api.user("alice");
    // 23 rows in 6 groups sharing a timestamp; some written with microseconds (e.g. by another
    // client), which the timestamptz(3) column rounds to the millisecond a cursor carries.
    const stamps = ["10:00:00.000000", "10:00:00.000400", "10:00:01.123456", "10:00:01.123"];
    for (let i = 0; i < 23; i += 1) {
      const stamp = `2026-11-0${1 + Math.floor(i / 4)}T${stamps[i % 4]}Z`;
      await api.database.db.execute(
        sql`insert into tasks (user_id, title, created_at) values (${alice.id}, ${`Row ${i}`}, ${stamp}::timestamptz)`,
      );
    }

    const pages = await walk(alice, "/api/tasks?limit=5");
    expect(pages.map((p) => p.tasks.length)).toEqual([5, 5, 5, 5, 3]);
    const seen = pages.flatMap((p) => p.tasks);
    expect(seen).toEqual([...seen].sort(newestFirst));
    expect(new Set(seen.map((t) => t.id)).size).toBe(23);
    expect(seen.map((t) => t.title).sort()).toEqual(
      Array.from({ length: 23 }, (_, i) => `Row ${i}`).sort(),
    );
  });

  test("the next link keeps status and limit, and paging a filtered list stays filtered", async () => {
    const alice = await api.user("alice");
    for (let i = 0; i < 7; i += 1) {
      const task = await createTask(alice, { title: `Task ${i}` });
      if (i % 2 === 0) await alice.patch(`/api/tasks/${task.id}/complete`);
    }
    const first = await alice.get("/api/tasks?status=completed&limit=3");
    const link = nextLink(first);
    expect(link).toMatch(/^\/api\/tasks\?status=completed&limit=3&cursor=[A-Za-z0-9_-]+$/);

    const pages = await walk(alice, "/api/tasks?status=completed&limit=3");
    expect(pages.map((p) => p.tasks.length)).toEqual([3, 1]);
    expect(pages.flatMap((p) => p.tasks).every((t) => t.is_completed)).toBe(true);
    expect(pages.map((p) => p.total)).toEqual(["4", "4"]);
  });

  test("limit defaults to 50 and accepts 1 and 200", async () => {
    const alice = await api.user("alice");
    await api.database.db
      .insert(tasks)
      .values(Array.from({ length: 201 }, (_, i) => ({ userId: alice.id, title: `Bulk ${i}` })));
    const byDefault = await alice.get("/api/tasks");
    expect((byDefault.body as TaskJson[]).length).toBe(50);
    expect(byDefault.headers.get("x-total-count")).toBe("201");
    expect(nextLink(byDefault)).toMatch(/^\/api\/tasks\?limit=50&cursor=/);

    const one = await alice.get("/api/tasks?limit=1");
    expect((one.body as TaskJson[]).length).toBe(1);

    const max = await alice.get("/api/tasks?limit=200");
    expect((max.body as TaskJson[]).length).toBe(200);
    const last = await alice.get(nextLink(max) ?? "");
    expect((last.body as TaskJson[]).length).toBe(1);
    expect(last.headers.get("link")).toBeNull();
  });

  test("a page ending exactly at the last task has no Link", async () => {
    const alice = await api.user("alice");
    for (let i = 0; i < 5; i += 1) await createTask(alice, { title: `Task ${i}` });
    const response = await alice.get("/api/tasks?limit=5");
    expect((response.body as TaskJson[]).length).toBe(5);
    expect(response.headers.get("link")).toBeNull();
  });
});
