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

const ALL = { status: "all" } as const;

const ids = (data: TaskListData) => data.pages.map((page) => page.tasks.map((t) => t.id));

describe("placeTask", () => {
  it("inserts a task in newest-first order across pages", () => {
    const data = list([[task("e", 50), task("c", 30)], [task("a", 10)]]);
    expect(ids(placeTask(data, ALL, task("d", 40)))).toEqual([["e", "d", "c"], ["a"]]);
    expect(ids(placeTask(data, ALL, task("b", 20)))).toEqual([
      ["e", "c"],
      ["b", "a"],
    ]);
  });

  it("appends to the end only when there is no further page on the server", () => {
    expect(ids(placeTask(list([[task("c", 30)]]), ALL, task("a", 10)))).toEqual([["c", "a"]]);
    expect(ids(placeTask(list([[task("c", 30)]], true), ALL, task("a", 10)))).toEqual([["c"]]);
  });

  it("updates in place, and removes a task that no longer matches the filter", () => {
    const data = list([[task("b", 20), task("a", 10)]]);
    const done = task("b", 20, true);
    expect(placeTask(data, ALL, done).pages[0]?.tasks[0]).toBe(done);
    expect(ids(placeTask(data, { status: "pending" }, done))).toEqual([["a"]]);
    expect(ids(placeTask(list([[task("a", 10, true)]]), { status: "completed" }, done))).toEqual([
      ["b", "a"],
    ]);
  });

  it("keeps completed tasks mixed in by their place in the order, never below the open ones", () => {
    const data = list([[task("d", 40), task("b", 20, true), task("a", 10)]]);
    expect(ids(placeTask(data, ALL, task("c", 30, true)))).toEqual([["d", "c", "b", "a"]]);
    expect(ids(placeTask(data, ALL, task("d", 40, true)))).toEqual([["d", "b", "a"]]);
  });

  it("breaks created_at ties by id, descending, as the API does", () => {
    const data = list([[task("y", 10), task("w", 10)]]);
    expect(ids(placeTask(data, ALL, task("x", 10)))).toEqual([["y", "x", "w"]]);
  });
});

describe("counts", () => {
  const today = "2026-12-02";
  const exact = (count: number) => ({ count, capped: false });
  const counts = { inbox: exact(2), today: exact(1), upcoming: exact(0), completed: exact(1) };
  const due = (id: string, date: string, done = false) => ({
    ...task(id, 1, done),
    due_date: date,
  });

  it("moves a task between the views it matches", () => {
    expect(
      adjustCounts(counts, today, due("a", "2026-12-02"), due("a", "2026-12-02", true)),
    ).toEqual({ inbox: exact(1), today: exact(0), upcoming: exact(0), completed: exact(2) });
    expect(adjustCounts(counts, today, due("a", "2026-12-02"), due("a", "2026-12-03"))).toEqual({
      ...counts,
      today: exact(0),
      upcoming: exact(1),
    });
  });

  it("counts overdue tasks in Today, and nothing past the next 7 days in Upcoming", () => {
    expect(adjustCounts(counts, today, null, due("n", "2026-11-20")).today).toEqual(exact(2));
    expect(adjustCounts(counts, today, null, due("n", "2026-12-09")).upcoming).toEqual(exact(1));
    expect(adjustCounts(counts, today, null, due("n", "2026-12-10")).upcoming).toEqual(exact(0));
  });

  it("adds and removes tasks, and leaves out hidden ones", () => {
    expect(adjustCounts(counts, today, null, task("n", 1)).inbox).toEqual(exact(3));
    expect(countsWithout(counts, today, [task("a", 1), task("b", 2, true)])).toEqual({
      ...counts,
      inbox: exact(1),
      completed: exact(0),
    });
  });

  it("leaves a capped count as it is", () => {
    const capped = { ...counts, inbox: { count: 10_000, capped: true } };
    expect(adjustCounts(capped, today, task("a", 1), task("a", 1, true))).toEqual({
      ...capped,
      completed: exact(2),
    });
    expect(adjustCounts(capped, today, null, task("n", 1))).toEqual(capped);
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

describe("placeTask in a sorted list or a search", () => {
  const ranked = (id: string, minute: number, priority: Task["priority"]) => ({
    ...task(id, minute),
    priority,
  });

  it("inserts and moves a task to its place by priority (ties newest first)", () => {
    const data = list([
      [ranked("h", 10, "high"), ranked("m", 30, "medium"), ranked("l", 20, "low")],
    ]);
    const byPriority = { status: "all", sort: "-priority" } as const;

    expect(ids(placeTask(data, byPriority, ranked("n", 40, "medium")))).toEqual([
      ["h", "n", "m", "l"],
    ]);
    expect(ids(placeTask(data, byPriority, ranked("l", 20, "high")))).toEqual([["l", "h", "m"]]);
    expect(ids(placeTask(data, byPriority, ranked("m", 30, "medium")))).toEqual([["h", "m", "l"]]);
  });

  it("a search's results only update or lose tasks: whether one matches is the API's to say", () => {
    const data = list([[task("b", 20), task("a", 10)]]);
    const search = { status: "pending", q: "milk" } as const;

    expect(ids(placeTask(data, search, task("c", 30)))).toEqual([["b", "a"]]);
    const renamed = { ...task("a", 10), title: "renamed" };
    expect(placeTask(data, search, renamed).pages[0]?.tasks[1]).toBe(renamed);
    expect(ids(placeTask(data, search, task("b", 20, true)))).toEqual([["a"]]);
  });
});
