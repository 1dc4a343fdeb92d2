import { describe, expect, test } from "vitest";
import { createTask, setupTestApi, type TaskJson } from "../../../test/harness.ts";

const api = setupTestApi();

/** A due date far enough ahead that every reminder of these tests is in the future. */
const DUE = { due_date: "2030-06-14", due_time: "17:00", time_zone: "Europe/Berlin" };
const DUE_AT = "2030-06-14T15:00:00.000Z";
const AT = "2030-06-01T08:00:00.000Z";

const reminderOf = (task: TaskJson, index: number) => {
  const reminder = task.reminders[index];
  if (reminder === undefined) throw new Error(`the task has no reminder ${index}`);
  return reminder;
};

describe("reminders", () => {
  test("a create's reminders come back with ids, their moment, not sent, in the order they fire", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, {
      title: "Call the bank",
      ...DUE,
      reminders: [{ offset_minutes: 30 }, { at: "2030-06-01T10:00:00+02:00" }],
    });
    expect(task.due_at).toBe(DUE_AT);
    expect(task.reminders).toEqual([
      {
        id: expect.any(String),
        offset_minutes: null,
        at: AT,
        fires_at: AT,
        sent_at: null,
        failed_at: null,
      },
      {
        id: expect.any(String),
        offset_minutes: 30,
        at: null,
        fires_at: "2030-06-14T14:30:00.000Z",
        sent_at: null,
        failed_at: null,
      },
    ]);
  });

  test("each pending reminder has one waiting job, due when it fires", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, {
      title: "Call the bank",
      ...DUE,
      reminders: [{ offset_minutes: 30 }, { at: AT }],
    });
    expect(await api.reminderJobs(task.id)).toEqual([
      {
        id: expect.any(String),
        startAfter: AT,
        data: {
          task_id: task.id,
          user_id: alice.id,
          reminder_id: reminderOf(task, 0).id,
          fires_at: AT,
        },
      },
      {
        id: expect.any(String),
        startAfter: "2030-06-14T14:30:00.000Z",
        data: {
          task_id: task.id,
          user_id: alice.id,
          reminder_id: reminderOf(task, 1).id,
          fires_at: "2030-06-14T14:30:00.000Z",
        },
      },
    ]);
  });

  test("a list and a read of the task show the same reminders as the create", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, {
      title: "Call the bank",
      ...DUE,
      reminders: [{ offset_minutes: 0 }, { at: AT }],
    });
    const listed = (await alice.get("/api/tasks")).body as TaskJson[];
    const read = (await alice.get(`/api/tasks/${task.id}`)).body as TaskJson;
    expect([listed[0]?.reminders, read.reminders]).toEqual([task.reminders, task.reminders]);
  });

  test("moving the due date moves the relative reminder and its job; ids stay", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, {
      title: "Call the bank",
      ...DUE,
      reminders: [{ offset_minutes: 60 }, { at: AT }],
    });
    const moved = (
      await alice.patch(`/api/tasks/${task.id}`, { due_date: "2030-06-20", due_time: "09:00" })
    ).body as TaskJson;
    expect({
      reminders: moved.reminders.map(({ id, fires_at }) => ({ id, fires_at })),
      jobs: (await api.reminderJobs(task.id)).map((job) => job.startAfter),
    }).toEqual({
      reminders: [
        { id: reminderOf(task, 0).id, fires_at: AT },
        { id: reminderOf(task, 1).id, fires_at: "2030-06-20T06:00:00.000Z" },
      ],
      jobs: [AT, "2030-06-20T06:00:00.000Z"],
    });
  });

  test("a PATCH that names the same reminders and a new one keeps the old ones' ids", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, {
      title: "Call the bank",
      ...DUE,
      reminders: [{ offset_minutes: 30 }],
    });
    const response = await alice.patch(`/api/tasks/${task.id}`, {
      reminders: [{ offset_minutes: 1440 }, { offset_minutes: 30 }],
    });
    const changed = response.body as TaskJson;
    expect(
      changed.reminders.map((r) => [r.offset_minutes, r.id === task.reminders[0]?.id]),
    ).toEqual([
      [1440, false],
      [30, true],
    ]);
  });

  test("completing the task removes its jobs; reopening it brings them back", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, { title: "Call", ...DUE, reminders: [{ at: AT }] });
    await alice.patch(`/api/tasks/${task.id}/complete`, { is_completed: true });
    const whileDone = await api.reminderJobs(task.id);
    await alice.patch(`/api/tasks/${task.id}/complete`, { is_completed: false });
    expect([whileDone.length, (await api.reminderJobs(task.id)).length]).toEqual([0, 1]);
  });

  test("deleting the task removes its jobs; restoring it brings them back", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, { title: "Call", ...DUE, reminders: [{ at: AT }] });
    await alice.delete(`/api/tasks/${task.id}`);
    const whileTrashed = await api.reminderJobs(task.id);
    await alice.post(`/api/tasks/${task.id}/restore`);
    expect([whileTrashed.length, (await api.reminderJobs(task.id)).length]).toEqual([0, 1]);
  });

  test("a PUT without reminders clears them and their jobs", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, { title: "Call", ...DUE, reminders: [{ at: AT }] });
    const replaced = (await alice.put(`/api/tasks/${task.id}`, { title: "Call", ...DUE }))
      .body as TaskJson;
    expect([replaced.reminders, await api.reminderJobs(task.id)]).toEqual([[], []]);
  });

  test("a reminder whose moment has passed is kept but gets no job", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, {
      title: "Call",
      reminders: [{ at: "2020-01-01T00:00:00Z" }],
    });
    expect([task.reminders[0]?.sent_at, await api.reminderJobs(task.id)]).toEqual([null, []]);
  });

  test("repeats of one reminder are kept once", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, {
      title: "Call",
      ...DUE,
      reminders: [{ offset_minutes: 30 }, { offset_minutes: 30, at: null }],
    });
    expect(task.reminders.map((r) => r.offset_minutes)).toEqual([30]);
  });

  test("the next occurrence of a recurring task gets the same offsets, not the fixed moments", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, {
      title: "Water the plants",
      ...DUE,
      recurrence: "FREQ=WEEKLY",
      reminders: [{ offset_minutes: 15 }, { at: AT }],
    });
    const done = (await alice.patch(`/api/tasks/${task.id}/complete`, { is_completed: true }))
      .body as TaskJson;
    const next = (await alice.get(`/api/tasks/${done.next_occurrence_id}`)).body as TaskJson;
    expect(
      next.reminders.map(({ offset_minutes, fires_at }) => ({ offset_minutes, fires_at })),
    ).toEqual([{ offset_minutes: 15, fires_at: "2030-06-21T14:45:00.000Z" }]);
  });

  test("a reminder from an export is taken by its offset or moment", async () => {
    const alice = await api.user("alice");
    const exported = await createTask(alice, { title: "Call", ...DUE, reminders: [{ at: AT }] });
    const response = await alice.put(`/api/tasks/${exported.id}`, {
      title: "Call",
      ...DUE,
      reminders: exported.reminders,
    });
    expect((response.body as TaskJson).reminders).toEqual(exported.reminders);
  });
});
