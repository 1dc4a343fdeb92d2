import { describe, expect, it } from "vitest";
import { nextCursorFrom, type Task, unorganizedFields } from "./task-api";
import { adjustCounts, countsWithout, placeTask, type TaskListData } from "./task-cache";

const task = (id: string, minute: number, is_completed = false): Task => ({
  id,
  user_id: "u",
  title: id,
  description: null,
  is_completed,
  ...unorganizedFields(),
  created_at: `2026-01-01T00:${String(minute).padStart(2, "0")}:00.000Z`,
  updated_at: `2026-01-01T00:${String(minute).padStart(2, "0")}:00.000Z`,
});

const list = (pages: Task[][], lastHasMore = false): TaskListData => ({
  pages: pages.map((tasks, i) => ({
    tasks,
    nextCursor: i < pages.length - 1 || lastHasMore ? `c${i}` : null,
  })),
  pageParams: pages.map((_, i) => (i === 0 ? null : `c${i - 1}`)),
});

const ids = (data: TaskListData) => data.pages.map((page) => page.tasks.map((t) => t.id));

describe("placeTask", () => {
  it("inserts a task in newest-first order across pages", () => {
    const data = list([[task("e", 50), task("c", 30)], [task("a", 10)]]);
    expect(ids(placeTask(data, "all", task("d", 40)))).toEqual([["e", "d", "c"], ["a"]]);
    expect(ids(placeTask(data, "all", task("b", 20)))).toEqual([
      ["e", "c"],
      ["b", "a"],
    ]);
  });

  it("appends to the end only when there is no further page on the server", () => {
    expect(ids(placeTask(list([[task("c", 30)]]), "all", task("a", 10)))).toEqual([["c", "a"]]);
    expect(ids(placeTask(list([[task("c", 30)]], true), "all", task("a", 10)))).toEqual([["c"]]);
  });

  it("updates in place, and removes a task that no longer matches the filter", () => {
    const data = list([[task("b", 20), task("a", 10)]]);
    const done = task("b", 20, true);
    expect(placeTask(data, "all", done).pages[0]?.tasks[0]).toBe(done);
    expect(ids(placeTask(data, "pending", done))).toEqual([["a"]]);
    expect(ids(placeTask(list([[task("a", 10, true)]]), "completed", done))).toEqual([["b", "a"]]);
  });

  it("breaks created_at ties by id, descending, as the API does", () => {
    const data = list([[task("y", 10), task("w", 10)]]);
    expect(ids(placeTask(data, "all", task("x", 10)))).toEqual([["y", "x", "w"]]);
  });
});

describe("counts", () => {
  const counts = { all: 3, pending: 2, completed: 1 };

  it("moves a task between pending and completed", () => {
    expect(adjustCounts(counts, task("a", 1), task("a", 1, true))).toEqual({
      all: 3,
      pending: 1,
      completed: 2,
    });
  });

  it("adds and removes tasks, and leaves out hidden ones", () => {
    expect(adjustCounts(counts, null, task("n", 1))).toEqual({ all: 4, pending: 3, completed: 1 });
    expect(countsWithout(counts, [task("a", 1), task("b", 2, true)])).toEqual({
      all: 1,
      pending: 1,
      completed: 0,
    });
  });
});

describe("capped counts", () => {
  it("leave a capped count as it is and keep the total a floor", () => {
    const capped = {
      all: 10_002,
      pending: 10_000,
      completed: 2,
      capped: ["all", "pending"] as const,
    };
    expect(adjustCounts(capped, task("a", 1), task("a", 1, true))).toEqual({
      ...capped,
      completed: 3,
      all: 10_003,
    });
    expect(adjustCounts(capped, null, task("n", 1))).toEqual(capped);
  });
});

describe("nextCursorFrom", () => {
  it("reads the cursor of the rel=next link, relative or absolute", () => {
    expect(nextCursorFrom('</api/tasks?limit=50&cursor=abc_-1>; rel="next"')).toBe("abc_-1");
    expect(
      nextCursorFrom(
        '<http://x.test/api/tasks?cursor=p1>; rel="prev", <http://x.test/api/tasks?cursor=n2>; rel="next"',
      ),
    ).toBe("n2");
  });

  it("is null without a next link", () => {
    expect(nextCursorFrom(null)).toBeNull();
    expect(nextCursorFrom('</api/tasks?cursor=p1>; rel="prev"')).toBeNull();
  });
});
