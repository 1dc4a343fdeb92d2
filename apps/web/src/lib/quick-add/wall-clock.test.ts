import { describe, expect, it } from "vitest";
import { instantOf } from "./wall-clock";

const wall = (text: string) => {
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0] = text.split(/[-T:]/).map(Number);
  return { year, month, day, hour, minute };
};

describe("instantOf", () => {
  it.each([
    ["2026-12-05T09:00", "Europe/Berlin", "2026-12-05T08:00:00.000Z"],
    ["2026-07-05T09:00", "Europe/Berlin", "2026-07-05T07:00:00.000Z"],
    ["2026-12-05T09:00", "UTC", "2026-12-05T09:00:00.000Z"],
    ["2026-12-05T09:00", "Asia/Kolkata", "2026-12-05T03:30:00.000Z"],
    ["2026-12-05T09:00", "America/New_York", "2026-12-05T14:00:00.000Z"],
    // Skipped by the spring jump (02:00 → 03:00): moved forward by the hour, 03:30 CEST.
    ["2027-03-28T02:30", "Europe/Berlin", "2027-03-28T01:30:00.000Z"],
    // Twice on the fall-back day: the earlier, 02:30 CEST.
    ["2026-10-25T02:30", "Europe/Berlin", "2026-10-25T00:30:00.000Z"],
    ["2026-11-01T01:30", "America/New_York", "2026-11-01T05:30:00.000Z"],
  ])("%s in %s is %s", (local, zone, expected) => {
    expect(instantOf(wall(local), zone).toISOString()).toBe(expected);
  });
});
