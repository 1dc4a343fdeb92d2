import { describe, expect, test } from "vitest";
import {
  createTask,
  INVALID_ID,
  JSON_INVALID,
  NOT_A_TASK_ID,
  outcome,
  setupTestApi,
  TASK_NOT_FOUND,
  validationBody,
} from "../../../test/harness.ts";

const api = setupTestApi();

describe("PATCH /api/tasks/{id} errors: nothing changes", () => {
  test.each([
    [
      "an empty object",
      {},
      {
        loc: ["body"],
        msg: "Provide at least one of title, description, priority, due_date, due_time, time_zone, labels, recurrence, recurrence_from, reminders, is_completed",
        type: "value_error",
      },
    ],
    [
      "only unknown fields",
      { user_id: "someone" },
      {
        loc: ["body"],
        msg: "Provide at least one of title, description, priority, due_date, due_time, time_zone, labels, recurrence, recurrence_from, reminders, is_completed",
        type: "value_error",
      },
    ],
    [
      "a blank title",
      { title: "  " },
      {
        loc: ["body", "title"],
        msg: "String should have at least 1 character",
        type: "string_too_short",
      },
    ],
    [
      "a null title",
      { title: null },
      { loc: ["body", "title"], msg: "Input should be a valid string", type: "string_type" },
    ],
    [
      "a 10,001-character description",
      { description: "d".repeat(10_001) },
      {
        loc: ["body", "description"],
        msg: "String should have at most 10000 characters",
        type: "string_too_long",
      },
    ],
    [
      "is_completed as a string",
      { is_completed: "true" },
      { loc: ["body", "is_completed"], msg: "Input should be a valid boolean", type: "bool_type" },
    ],
  ])("%s: 422", async (_, body, issue) => {
    const alice = await api.user("alice");
    const task = await createTask(alice, { title: "Keep", description: "me" });
    const response = await alice.patch(`/api/tasks/${task.id}`, body);
    expect(response.status).toBe(422);
    expect(response.body).toEqual(validationBody(issue));
    expect(await api.storedTask(task.id)).toEqual(task);
  });

  test("a valid field next to an invalid one changes nothing", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, { title: "Keep" });
    const response = await alice.patch(`/api/tasks/${task.id}`, { title: "New", is_completed: 1 });
    expect(response.status).toBe(422);
    expect(response.body).toEqual(
      validationBody({
        loc: ["body", "is_completed"],
        msg: "Input should be a valid boolean",
        type: "bool_type",
      }),
    );
    expect(await api.storedTask(task.id)).toEqual(task);
  });

  test("malformed JSON: 422", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    const response = await alice.send("PATCH", `/api/tasks/${task.id}`, '{"title": }');
    expect(outcome(response)).toEqual(JSON_INVALID);
  });

  test("a non-UUID id: 422", async () => {
    const alice = await api.user("alice");
    const response = await alice.patch("/api/tasks/abc", { title: "x" });
    expect(outcome(response)).toEqual(INVALID_ID);
  });

  test("no such task: 404", async () => {
    const alice = await api.user("alice");
    const response = await alice.patch(`/api/tasks/${NOT_A_TASK_ID}`, { title: "x" });
    expect(outcome(response)).toEqual(TASK_NOT_FOUND);
  });
});
