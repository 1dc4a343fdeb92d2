import { describe, expect, test } from "vitest";
import { createTask, setupTestApi, type TestUser } from "../../../test/harness.ts";
import { MAX_IMPORT_BYTES } from "./import-tasks.ts";

const api = setupTestApi({ env: { TASK_QUOTA: "3" } });

const TODOIST_HEADER = "TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,DATE,DATE_LANG,TIMEZONE\r\n";
const todoist = (...titles: string[]) =>
  TODOIST_HEADER + titles.map((title) => `task,${title},,4,1,,,\r\n`).join("");

const titlesOf = async (user: TestUser) =>
  ((await user.get("/api/tasks")).body as { title: string }[]).map((task) => task.title);

/** The answer, and what the user holds after it. */
const attempt = async (user: TestUser, text: string, type: string) => {
  const response = await user.send("POST", "/api/import", text, type);
  return { status: response.status, body: response.body, titles: await titlesOf(user) };
};

describe("POST /api/import refuses, writing nothing", () => {
  test("more tasks than the quota leaves room for: 403", async () => {
    const alice = await api.user("alice");
    await createTask(alice, { title: "Held" });
    expect(await attempt(alice, todoist("One", "Two", "Three"), "text/csv")).toEqual({
      status: 403,
      body: {
        detail:
          "Import refused: an account can hold at most 3 tasks and this one holds 1; nothing was imported.",
      },
      titles: ["Held"],
    });
  });

  test("two imports at once that each fit but not together: one is imported, the other refused", async () => {
    const alice = await api.user("alice");
    const [first, second] = await Promise.all([
      alice.send("POST", "/api/import", todoist("One", "Two"), "text/csv"),
      alice.send("POST", "/api/import", todoist("Three", "Four"), "text/csv"),
    ]);
    expect([[first.status, second.status].sort(), (await titlesOf(alice)).length]).toEqual([
      [201, 403],
      2,
    ]);
  });

  test("exactly as many as the quota leaves room for are imported", async () => {
    const alice = await api.user("alice");
    await createTask(alice, { title: "Held" });
    const response = await alice.send("POST", "/api/import", todoist("One", "Two"), "text/csv");
    expect([response.status, await titlesOf(alice)]).toEqual([201, ["One", "Two", "Held"]]);
  });

  test.each([
    ["malformed JSON", "{", "application/json", "The file is not valid JSON"],
    [
      "JSON without tasks",
      '{"version":1}',
      "application/json",
      'The JSON is not a Taskline export: it has no "tasks" list',
    ],
    [
      "another export version",
      '{"version":2,"tasks":[]}',
      "application/json",
      "Unsupported export version 2: this server reads version 1",
    ],
    ["an empty file", "", "text/csv", "The file is empty"],
    [
      "a CSV that is not Todoist's",
      "name,when\r\nMilk,today\r\n",
      "text/csv",
      "Not a Todoist CSV: the first row should name the columns, TYPE and CONTENT among them",
    ],
    [
      "a CSV with an unclosed quote",
      `${TODOIST_HEADER}task,"open\r\n`,
      "text/csv",
      expect.stringMatching(/^The CSV cannot be read: Quote Not Closed/),
    ],
  ])("%s: 422 saying what is wrong", async (_name, text, type, detail) => {
    const alice = await api.user("alice");
    expect(await attempt(alice, text, type)).toEqual({ status: 422, body: { detail }, titles: [] });
  });

  test("a form without a file: 422 naming the field", async () => {
    const alice = await api.user("alice");
    const form = new FormData();
    form.set("other", "x");
    const response = await alice.fetch("/api/import", { method: "POST", body: form });
    expect([response.status, response.body]).toEqual([
      422,
      { detail: [{ loc: ["body", "file"], msg: "Field required", type: "missing" }] },
    ]);
  });

  test("a form that cannot be read: 422 saying so", async () => {
    const alice = await api.user("alice");
    const response = await alice.send(
      "POST",
      "/api/import",
      "not a form",
      "multipart/form-data; boundary=xyz",
    );
    expect([response.status, response.body]).toEqual([
      422,
      { detail: "The multipart form could not be read" },
    ]);
  });

  test("another content type: 415 naming the ones taken", async () => {
    const alice = await api.user("alice");
    expect(await attempt(alice, "task,Milk", "text/plain")).toEqual({
      status: 415,
      body: {
        detail:
          "Unsupported Media Type: send the file in a multipart form (field file), or as application/json or text/csv",
      },
      titles: [],
    });
  });

  test("an unknown tz: 422 naming the parameter", async () => {
    const alice = await api.user("alice");
    const response = await alice.send("POST", "/api/import?tz=Mars/Base", todoist("A"), "text/csv");
    expect([
      response.status,
      (response.body as { detail: { loc: string[] }[] }).detail[0]?.loc,
    ]).toEqual([422, ["query", "tz"]]);
  });

  test("a body over 10 MB: 413", async () => {
    const alice = await api.user("alice");
    const big = todoist("A") + "x".repeat(MAX_IMPORT_BYTES);
    expect(await attempt(alice, big, "text/csv")).toEqual({
      status: 413,
      body: { detail: "The file is too large to import (the limit is 10 MB)" },
      titles: [],
    });
  });

  test("a body over 64 KiB but under 10 MB is taken", async () => {
    const alice = await api.user("alice");
    const text = `${TODOIST_HEADER}task,Long notes,${"n".repeat(9_000)},4,1,,,\r\n`.repeat(8);
    const response = await alice.send("POST", "/api/import?preview=true", text, "text/csv");
    expect([response.status, (response.body as { would_create: number }).would_create]).toEqual([
      200, 8,
    ]);
  });
});
