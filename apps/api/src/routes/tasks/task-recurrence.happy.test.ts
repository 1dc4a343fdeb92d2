import { Temporal } from "temporal-polyfill";
import { describe, expect, test } from "vitest";
import { type Client, createTask, setupTestApi, type TaskJson } from "../../../test/harness.ts";

const api = setupTestApi();

/** The caller's open tasks of the series `seriesId`, oldest due first. */
async function openOccurrences(user: Client, seriesId: string) {
  const response = await user.get("/api/tasks?status=pending&recurring=true&sort=due_at&limit=200");
  return (response.body as TaskJson[]).filter((task) => task.series_id === seriesId);
}

const complete = (user: Client, task: TaskJson) =>
  user.patch(`/api/tasks/${task.id}/complete`, { is_completed: true });

/** Completes the task and returns its next occurrence (undefined when none was made). */
async function completeAndFollow(user: Client, task: TaskJson) {
  const done = (await complete(user, task)).body as TaskJson;
  if (done.next_occurrence_id === null) return undefined;
  return (await user.get(`/api/tasks/${done.next_occurrence_id}`)).body as TaskJson;
}

const today = (zone: string, days = 0) => Temporal.Now.plainDateISO(zone).add({ days }).toString();

describe("recurring tasks", () => {
  test("a task with a rule is its own series; completing it makes the next occurrence with the same fields", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, {
      title: "Water the plants",
      description: "the big ones",
      priority: "medium",
      labels: ["home"],
      due_date: "2027-01-04",
      due_time: "09:00",
      time_zone: "Europe/Berlin",
      recurrence: "freq=weekly;byday=mo,we",
    });
    expect(task).toMatchObject({
      recurrence: "FREQ=WEEKLY;BYDAY=MO,WE",
      recurrence_from: "due",
      series_id: task.id,
      next_occurrence_id: null,
    });
    const response = await complete(alice, task);
    const done = response.body as TaskJson;
    expect(response.status).toBe(200);
    expect(done).toMatchObject({ is_completed: true, series_id: task.id });
    const next = (await alice.get(`/api/tasks/${done.next_occurrence_id}`)).body as TaskJson;
    expect(next).toMatchObject({
      title: "Water the plants",
      description: "the big ones",
      priority: "medium",
      labels: ["home"],
      is_completed: false,
      due_date: "2027-01-06",
      due_time: "09:00",
      time_zone: "Europe/Berlin",
      due_at: "2027-01-06T08:00:00.000Z",
      recurrence: "FREQ=WEEKLY;BYDAY=MO,WE",
      series_id: task.id,
      next_occurrence_id: null,
    });
    expect(next.id).not.toBe(task.id);
  });

  test("weekly at 09:00 in New York keeps 09:00 across the DST change (due_at 14:00Z → 13:00Z)", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, {
      title: "Standup",
      due_date: "2027-03-08",
      due_time: "09:00",
      time_zone: "America/New_York",
      recurrence: "FREQ=WEEKLY",
    });
    const next = await completeAndFollow(alice, task);
    expect([task.due_at, next?.due_date, next?.due_time, next?.due_at]).toEqual([
      "2027-03-08T14:00:00.000Z",
      "2027-03-15",
      "09:00",
      "2027-03-15T13:00:00.000Z",
    ]);
  });

  test("daily at 09:00 in Berlin keeps 09:00 across the DST change (08:00Z → 07:00Z)", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, {
      title: "Stretch",
      due_date: "2027-03-27",
      due_time: "09:00",
      time_zone: "Europe/Berlin",
      recurrence: "FREQ=DAILY",
    });
    const next = await completeAndFollow(alice, task);
    expect([task.due_at, next?.due_date, next?.due_at]).toEqual([
      "2027-03-27T08:00:00.000Z",
      "2027-03-28",
      "2027-03-28T07:00:00.000Z",
    ]);
  });

  test("monthly on the 31st skips the months without one, and BYMONTHDAY=-1 takes the last day", async () => {
    const alice = await api.user("alice");
    const on31st = await createTask(alice, {
      title: "Rent",
      due_date: "2027-01-31",
      recurrence: "FREQ=MONTHLY;BYMONTHDAY=31",
    });
    const lastDay = await createTask(alice, {
      title: "Invoice",
      due_date: "2027-01-31",
      recurrence: "FREQ=MONTHLY;BYMONTHDAY=-1",
    });
    const next31st = await completeAndFollow(alice, on31st);
    const nextLast = await completeAndFollow(alice, lastDay);
    expect([next31st?.due_date, nextLast?.due_date]).toEqual(["2027-03-31", "2027-02-28"]);
  });

  test("COUNT=2 makes one more occurrence, then the series ends", async () => {
    const alice = await api.user("alice");
    const first = await createTask(alice, {
      title: "Twice",
      due_date: "2027-05-01",
      recurrence: "FREQ=DAILY;COUNT=2",
    });
    const second = await completeAndFollow(alice, first);
    expect(second?.due_date).toBe("2027-05-02");
    const third = await completeAndFollow(alice, second as TaskJson);
    expect(third).toBeUndefined();
  });

  test("UNTIL ends the series on its day (inclusive)", async () => {
    const alice = await api.user("alice");
    const first = await createTask(alice, {
      title: "Every other day",
      due_date: "2027-02-26",
      due_time: "09:00",
      time_zone: "Europe/Berlin",
      recurrence: "FREQ=DAILY;INTERVAL=2;UNTIL=20270302",
    });
    const dates: string[] = [first.due_date ?? ""];
    let current: TaskJson | undefined = first;
    while (current !== undefined) {
      current = await completeAndFollow(alice, current);
      if (current) dates.push(current.due_date ?? "");
    }
    expect(dates).toEqual(["2027-02-26", "2027-02-28", "2027-03-02"]);
  });

  test('recurrence_from "completion" counts from the day it was completed, in its zone', async () => {
    const alice = await api.user("alice");
    const zone = "Pacific/Auckland";
    const task = await createTask(alice, {
      title: "Change the filter",
      due_date: "2027-06-01",
      time_zone: zone,
      recurrence: "FREQ=DAILY;INTERVAL=3",
      recurrence_from: "completion",
    });
    const next = await completeAndFollow(alice, task);
    expect([next?.due_date, next?.recurrence_from]).toEqual([today(zone, 3), "completion"]);
  });

  test("five concurrent completions, then un-completing and completing again: one successor", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, {
      title: "Once only",
      due_date: "2027-04-01",
      recurrence: "FREQ=DAILY",
    });
    const answers = await Promise.all(Array.from({ length: 5 }, () => complete(alice, task)));
    await alice.patch(`/api/tasks/${task.id}`, { is_completed: false });
    await alice.patch(`/api/tasks/${task.id}`, { is_completed: true });
    await alice.patch(`/api/tasks/${task.id}/complete`);
    await alice.patch(`/api/tasks/${task.id}/complete`);
    const successors = new Set(answers.map((a) => (a.body as TaskJson).next_occurrence_id));
    const open = await openOccurrences(alice, task.id);
    expect([answers.map((a) => a.status), successors.size, open.map((t) => t.due_date)]).toEqual([
      [200, 200, 200, 200, 200],
      1,
      ["2027-04-02"],
    ]);
  });

  test("a next occurrence deleted for good is made again on the next completion; one in the trash is not", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, {
      title: "Undone",
      due_date: "2027-04-01",
      recurrence: "FREQ=DAILY",
    });
    const first = await completeAndFollow(alice, task);
    await alice.delete(`/api/tasks/${first?.id}?permanent=true`);
    await alice.patch(`/api/tasks/${task.id}`, { is_completed: false });
    const second = await completeAndFollow(alice, task);
    await alice.delete(`/api/tasks/${second?.id}`);
    await alice.patch(`/api/tasks/${task.id}`, { is_completed: false });
    const third = (await complete(alice, task)).body as TaskJson;
    expect([second?.due_date, second?.id === first?.id, third.next_occurrence_id]).toEqual([
      "2027-04-02",
      false,
      second?.id,
    ]);
  });

  test("PUT with a rule and PATCH is_completed: true make the next occurrence too", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, { title: "Plain", due_date: "2027-07-01" });
    const put = await alice.put(`/api/tasks/${task.id}`, {
      title: "Plain",
      due_date: "2027-07-01",
      recurrence: "FREQ=YEARLY",
    });
    expect((put.body as TaskJson).series_id).toBe(task.id);
    const patched = (await alice.patch(`/api/tasks/${task.id}`, { is_completed: true }))
      .body as TaskJson;
    const next = (await alice.get(`/api/tasks/${patched.next_occurrence_id}`)).body as TaskJson;
    expect(next.due_date).toBe("2028-07-01");
  });

  test("skip moves an open recurring task to its next date without completing it", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, {
      title: "Gym",
      due_date: "2027-01-04",
      due_time: "18:30",
      time_zone: "Europe/Berlin",
      recurrence: "FREQ=WEEKLY;BYDAY=MO,TH",
    });
    const response = await alice.post(`/api/tasks/${task.id}/skip`);
    expect([response.status, response.body]).toEqual([
      200,
      {
        ...task,
        due_date: "2027-01-07",
        due_at: "2027-01-07T17:30:00.000Z",
        updated_at: (response.body as TaskJson).updated_at,
      },
    ]);
  });

  test("recurring=true and recurring=false filter the list", async () => {
    const alice = await api.user("alice");
    await createTask(alice, { title: "once" });
    await createTask(alice, {
      title: "again",
      due_date: "2027-01-01",
      recurrence: "FREQ=DAILY",
    });
    const titles = async (query: string) =>
      ((await alice.get(`/api/tasks?${query}`)).body as TaskJson[]).map((t) => t.title);
    expect([await titles("recurring=true"), await titles("recurring=false")]).toEqual([
      ["again"],
      ["once"],
    ]);
  });
});
