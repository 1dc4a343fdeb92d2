import { describe, expect, it } from "vitest";
import { duePicks } from "./due-picks";

describe("duePicks", () => {
  it("offers today, tomorrow and next week's Monday, in the user's zone", () => {
    // Saturday 5 December 2026, 23:30 in Berlin (22:30 UTC).
    expect(duePicks("Europe/Berlin", new Date("2026-12-05T22:30:00Z"))).toEqual([
      { label: "Today", date: "2026-12-05", words: "Sat 5 Dec" },
      { label: "Tomorrow", date: "2026-12-06", words: "Sun 6 Dec" },
      { label: "Next week", date: "2026-12-07", words: "Mon 7 Dec" },
    ]);
  });

  it("on a Monday, next week is the Monday after", () => {
    expect(duePicks("UTC", new Date("2026-12-07T08:00:00Z")).at(-1)).toEqual({
      label: "Next week",
      date: "2026-12-14",
      words: "Mon 14 Dec",
    });
  });

  it("on a Sunday, next week's Monday is tomorrow, offered once", () => {
    expect(duePicks("UTC", new Date("2026-12-06T08:00:00Z")).map((pick) => pick.label)).toEqual([
      "Today",
      "Tomorrow",
    ]);
  });

  it("the same instant can be another day in another zone", () => {
    expect(duePicks("America/New_York", new Date("2026-12-05T02:00:00Z"))[0]?.date).toBe(
      "2026-12-04",
    );
  });
});
