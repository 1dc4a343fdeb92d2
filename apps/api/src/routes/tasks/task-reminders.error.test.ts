import { describe, expect, test } from "vitest";
import { createTask, setupTestApi } from "../../../test/harness.ts";

const api = setupTestApi();

const DUE = { due_date: "2030-06-14", due_time: "17:00", time_zone: "Europe/Berlin" };

/** The 422's first error, as FastAPI shapes it. */
const firstError = (body: unknown) => {
  const detail = (body as { detail: { loc: unknown[]; msg: string }[] }).detail;
  const [error] = detail;
  return error && { loc: error.loc, msg: error.msg };
};

describe("reminders that break a rule", () => {
  test("a reminder before the due date on a task without one is a 422 naming reminders", async () => {
    const alice = await api.user("alice");
    const response = await alice.post("/api/tasks", {
      title: "Call",
      reminders: [{ offset_minutes: 30 }],
    });
    expect([response.status, firstError(response.body)]).toEqual([
      422,
      { loc: ["body", "reminders"], msg: "A reminder before the due date needs a due_date" },
    ]);
  });

  test.each([
    ["both offset_minutes and at", { offset_minutes: 5, at: "2030-01-01T00:00:00Z" }],
    ["neither", {}],
  ])("a reminder with %s is a 422", async (_, reminder) => {
    const alice = await api.user("alice");
    const response = await alice.post("/api/tasks", {
      title: "Call",
      ...DUE,
      reminders: [reminder],
    });
    expect([response.status, firstError(response.body)]).toEqual([
      422,
      { loc: ["body", "reminders", 0], msg: "A reminder has either offset_minutes or at" },
    ]);
  });

  test.each([
    [-1, "offset_minutes"],
    [525_601, "offset_minutes"],
    [1.5, "offset_minutes"],
  ])("offset_minutes %s is a 422 naming it", async (offset, field) => {
    const alice = await api.user("alice");
    const response = await alice.post("/api/tasks", {
      title: "Call",
      ...DUE,
      reminders: [{ offset_minutes: offset }],
    });
    expect([response.status, firstError(response.body)?.loc]).toEqual([
      422,
      ["body", "reminders", 0, field],
    ]);
  });

  test.each(["tomorrow", "2030-01-01T00:00:00", "1999-12-31T23:59:59Z"])(
    "at %s is a 422 naming it",
    async (at) => {
      const alice = await api.user("alice");
      const response = await alice.post("/api/tasks", { title: "Call", reminders: [{ at }] });
      expect([response.status, firstError(response.body)?.loc]).toEqual([
        422,
        ["body", "reminders", 0, "at"],
      ]);
    },
  );

  test("six reminders are a 422", async () => {
    const alice = await api.user("alice");
    const reminders = [0, 5, 10, 15, 30, 60].map((offset_minutes) => ({ offset_minutes }));
    const response = await alice.post("/api/tasks", { title: "Call", ...DUE, reminders });
    expect([response.status, firstError(response.body)?.loc]).toEqual([422, ["body", "reminders"]]);
  });

  test("clearing the due date of a task with a relative reminder is a 422 that changes nothing", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, {
      title: "Call",
      ...DUE,
      reminders: [{ offset_minutes: 30 }],
    });
    const response = await alice.patch(`/api/tasks/${task.id}`, { due_date: null });
    expect([response.status, firstError(response.body), await api.storedTask(task.id)]).toEqual([
      422,
      { loc: ["body", "reminders"], msg: "A reminder before the due date needs a due_date" },
      task,
    ]);
  });

  test("a PATCH adding a relative reminder to a task without a due date is a 422", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, { title: "Call" });
    const response = await alice.patch(`/api/tasks/${task.id}`, {
      reminders: [{ offset_minutes: 10 }],
    });
    expect([response.status, firstError(response.body)?.loc]).toEqual([422, ["body", "reminders"]]);
  });
});
