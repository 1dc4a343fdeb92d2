import { describe, expect, test } from "vitest";
import { createTask, setupTestApi } from "../../../test/harness.ts";

const api = setupTestApi();

/** due_at across DST changes: Temporal's "compatible" rules, in two hemispheres. */
describe("due_at across daylight-saving changes", () => {
  test.each([
    // New York springs forward on 2027-03-14 at 02:00: 02:30 does not exist, it moves to 03:30 EDT.
    ["America/New_York", "2027-03-14", "02:30", "2027-03-14T07:30:00.000Z"],
    ["America/New_York", "2027-03-14", "01:30", "2027-03-14T06:30:00.000Z"],
    ["America/New_York", "2027-03-14", "03:30", "2027-03-14T07:30:00.000Z"],
    // Falls back on 2027-11-07: 01:30 happens twice, the earlier (EDT) one counts.
    ["America/New_York", "2027-11-07", "01:30", "2027-11-07T05:30:00.000Z"],
    // Sydney springs forward on 2027-10-03 at 02:00 (to +11) and falls back on 2027-04-04 at 03:00.
    ["Australia/Sydney", "2027-10-03", "02:30", "2027-10-02T16:30:00.000Z"],
    ["Australia/Sydney", "2027-04-04", "02:30", "2027-04-03T15:30:00.000Z"],
  ])("%s %s %s → %s", async (timeZone, date, time, dueAt) => {
    const alice = await api.user("alice");
    const task = await createTask(alice, {
      title: "t",
      due_date: date,
      due_time: time,
      time_zone: timeZone,
    });
    expect(task.due_at).toBe(dueAt);
  });

  test.each([
    // All-day on the day before a change: the next day starts before the change, at the old offset.
    ["America/New_York", "2027-03-13", "2027-03-14T05:00:00.000Z"],
    // All-day on the day of a change: the next day starts at the new offset.
    ["America/New_York", "2027-03-14", "2027-03-15T04:00:00.000Z"],
    ["America/New_York", "2027-11-07", "2027-11-08T05:00:00.000Z"],
    ["Australia/Sydney", "2027-10-03", "2027-10-03T13:00:00.000Z"],
    ["Australia/Sydney", "2027-04-04", "2027-04-04T14:00:00.000Z"],
  ])("all-day in %s on %s → %s", async (timeZone, date, dueAt) => {
    const alice = await api.user("alice");
    const task = await createTask(alice, { title: "t", due_date: date, time_zone: timeZone });
    expect(task.due_at).toBe(dueAt);
  });

  test("moving a task's zone across the world moves due_at, not the wall-clock fields", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, {
      title: "t",
      due_date: "2027-03-14",
      due_time: "02:30",
      time_zone: "America/New_York",
    });
    const moved = await alice.patch(`/api/tasks/${task.id}`, { time_zone: "Australia/Sydney" });
    expect(moved.body).toMatchObject({
      due_date: "2027-03-14",
      due_time: "02:30",
      due_at: "2027-03-13T15:30:00.000Z",
    });
  });
});
