import { describe, expect, test } from "vitest";
import {
  createTask,
  INVALID_ID,
  JSON_INVALID,
  NOT_A_TASK_ID,
  outcome,
  setupTestApi,
  TASK_NOT_FOUND,
  TOO_LARGE,
  validationBody,
} from "../../../test/harness.ts";

const api = setupTestApi();

describe("PUT /api/tasks/{id} errors: nothing changes", () => {
  test.each([
    [
      "no title",
      { description: "x" },
      { loc: ["body", "title"], msg: "Field required", type: "missing" },
    ],
    [
      "an empty title",
      { title: "   " },
      {
        loc: ["body", "title"],
        msg: "String should have at least 1 character",
        type: "string_too_short",
      },
    ],
    [
      "a 256-character title",
      { title: "t".repeat(256) },
      {
        loc: ["body", "title"],
        msg: "String should have at most 255 characters",
        type: "string_too_long",
      },
    ],
    [
      "a description that is not a string",
      { title: "ok", description: false },
      { loc: ["body", "description"], msg: "Input should be a valid string", type: "string_type" },
    ],
  ])("%s: 422", async (_, body, issue) => {
    const alice = await api.user("alice");
    const task = await createTask(alice, { title: "Keep", description: "me" });
    const response = await alice.put(`/api/tasks/${task.id}`, body);
    expect(response.status).toBe(422);
    expect(response.body).toEqual(validationBody(issue));
    expect(await api.storedTask(task.id)).toEqual(task);
  });

  test("malformed JSON: 422", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    const response = await alice.send("PUT", `/api/tasks/${task.id}`, "{'title': 'single quotes'}");
    expect(outcome(response)).toEqual(JSON_INVALID);
    expect(await api.storedTask(task.id)).toEqual(task);
  });

  test("a non-UUID id: 422", async () => {
    const alice = await api.user("alice");
    const response = await alice.put("/api/tasks/42", { title: "x" });
    expect(outcome(response)).toEqual(INVALID_ID);
  });

  test("no such task: 404", async () => {
    const alice = await api.user("alice");
    const response = await alice.put(`/api/tasks/${NOT_A_TASK_ID}`, { title: "x" });
    expect(outcome(response)).toEqual(TASK_NOT_FOUND);
  });

  test("a body over 64 KiB: 413", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    const response = await alice.put(`/api/tasks/${task.id}`, {
      title: "x",
      description: "y".repeat(70_000),
    });
    expect(outcome(response)).toEqual(TOO_LARGE);
    expect(await api.storedTask(task.id)).toEqual(task);
  });
});
