import { describe, expect, it } from "vitest";
import { openCountOf, tabTitle } from "./tab-title";
import type { Label, TaskCounts } from "./task-api";

const counts: TaskCounts = {
  inbox: { count: 3, capped: false },
  today: { count: 1, capped: false },
  upcoming: { count: 0, capped: false },
  completed: { count: 7, capped: false },
};
const labels = [{ name: "work", open_count: 2 }] as Label[];

describe("the tab title", () => {
  it("puts the view's open count first", () => {
    const inbox = { kind: "inbox" } as const;

    expect(tabTitle({ view: inbox, search: null }, openCountOf(inbox, counts, labels))).toBe(
      "(3) Inbox · Taskline",
    );
  });

  it("counts a label's open tasks", () => {
    const work = { kind: "label", name: "work" } as const;

    expect(tabTitle({ view: work, search: null }, openCountOf(work, counts, labels))).toBe(
      "(2) work · Taskline",
    );
  });

  it("leaves out a count of zero", () => {
    const upcoming = { kind: "upcoming" } as const;

    expect(tabTitle({ view: upcoming, search: null }, openCountOf(upcoming, counts, labels))).toBe(
      "Upcoming · Taskline",
    );
  });

  it("has no count on Completed", () => {
    expect(openCountOf({ kind: "completed" }, counts, labels)).toBeNull();
  });

  it("says 10,000+ for a count the API stopped at", () => {
    expect(
      tabTitle({ view: { kind: "inbox" }, search: null }, { count: 10000, capped: true }),
    ).toBe("(10,000+) Inbox · Taskline");
  });

  it("names the search instead of a view", () => {
    expect(tabTitle({ view: { kind: "inbox" }, search: "milk" }, null)).toBe(
      "Search: milk · Taskline",
    );
  });
});
