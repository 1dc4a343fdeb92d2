import { describe, expect, it } from "vitest";
import { type Task, unorganizedFields } from "./task-api";
import {
  matchesFilter,
  viewDays,
  viewFromPath,
  viewPath,
  viewPreset,
  viewSections,
} from "./task-views";

const days = viewDays({ year: 2026, month: 12, day: 31 });

const task = (fields: Partial<Task>): Task => ({
  id: "t",
  user_id: "u",
  title: "t",
  description: null,
  is_completed: false,
  ...unorganizedFields(),
  created_at: "2026-12-01T00:00:00.000Z",
  updated_at: "2026-12-01T00:00:00.000Z",
  ...fields,
});

describe("view addresses", () => {
  it.each([
    ["/tasks", { kind: "inbox" }],
    ["/tasks/today", { kind: "today" }],
    ["/tasks/upcoming", { kind: "upcoming" }],
    ["/tasks/completed", { kind: "completed" }],
    ["/tasks/labels/home", { kind: "label", name: "home" }],
    ["/tasks/labels/caf%C3%A9%20%2F%20bar", { kind: "label", name: "café / bar" }],
  ])("%s ↔ %j", (path, view) => {
    expect(viewFromPath(path)).toEqual(view);
    expect(viewPath(viewFromPath(path) ?? { kind: "inbox" })).toBe(path);
  });

  it.each(["/tasks/inbox", "/tasks/later", "/tasks/labels", "/tasks/today/x", "/other"])(
    "%s is no view",
    (path) => {
      expect(viewFromPath(path)).toBeNull();
    },
  );
});

describe("what each view lists", () => {
  it("covers the days from the user's today, across the year's end", () => {
    expect(viewSections({ kind: "today" }, days).map((section) => section.filter)).toEqual([
      { status: "pending", dueBefore: "2026-12-30" },
      { status: "pending", dueAfter: "2026-12-31", dueBefore: "2026-12-31" },
    ]);
    expect(viewSections({ kind: "upcoming" }, days)[0]?.filter).toEqual({
      status: "pending",
      dueAfter: "2027-01-01",
      dueBefore: "2027-01-07",
    });
  });

  it.each([
    ["an open task in a label's list, ignoring case", task({ labels: ["Home"] }), true],
    ["a completed one not", task({ labels: ["home"], is_completed: true }), false],
    ["another label's task not", task({ labels: ["work"] }), false],
  ])("%s", (_name, shown, expected) => {
    expect(matchesFilter(shown, { status: "pending", label: "home" })).toBe(expected);
  });

  it.each([
    ["2026-12-30", false],
    ["2027-01-01", true],
    ["2027-01-07", true],
    ["2027-01-08", false],
    [null, false],
  ])("Upcoming holds a task due %s: %s", (due, expected) => {
    const filter = viewSections({ kind: "upcoming" }, days)[0]?.filter ?? { status: "all" };
    expect(matchesFilter(task({ due_date: due }), filter)).toBe(expected);
  });
});

describe("what adding from a view presets", () => {
  it.each([
    [{ kind: "inbox" }, {}],
    [{ kind: "today" }, { dueDate: "2026-12-31" }],
    [{ kind: "upcoming" }, { dueDate: "2027-01-01" }],
    [{ kind: "label", name: "home" }, { labels: ["home"] }],
  ] as const)("%j → %j: the new task shows in the view it was added from", (view, preset) => {
    expect(viewPreset(view, days)).toEqual(preset);
  });
});
