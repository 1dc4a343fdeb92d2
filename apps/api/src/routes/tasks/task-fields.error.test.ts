import { describe, expect, test } from "vitest";
import { createTask, setupTestApi } from "../../../test/harness.ts";

const api = setupTestApi();

type Issue = { loc: (string | number)[]; type: string };

const cases: [string, Record<string, unknown>, Issue][] = [
  ["an unknown priority", { priority: "urgent" }, { loc: ["body", "priority"], type: "enum" }],
  [
    "a date that does not exist",
    { due_date: "2027-02-30" },
    { loc: ["body", "due_date"], type: "date_parsing" },
  ],
  [
    "a date whose due moment would pass year 9999",
    { due_date: "9999-12-31", time_zone: "UTC" },
    { loc: ["body", "due_date"], type: "value_error" },
  ],
  [
    "a date whose due moment would come before year 0001",
    { due_date: "0001-01-01", time_zone: "Etc/GMT-14" },
    { loc: ["body", "due_date"], type: "value_error" },
  ],
  [
    "a date in another format",
    { due_date: "31.01.2027" },
    { loc: ["body", "due_date"], type: "date_parsing" },
  ],
  [
    "a time with seconds",
    { due_date: "2027-01-31", due_time: "09:15:00" },
    { loc: ["body", "due_time"], type: "time_parsing" },
  ],
  [
    "hour 24",
    { due_date: "2027-01-31", due_time: "24:00" },
    { loc: ["body", "due_time"], type: "time_parsing" },
  ],
  [
    "a time without a date",
    { due_time: "09:15" },
    { loc: ["body", "due_time"], type: "value_error" },
  ],
  [
    "a zone without a date",
    { time_zone: "UTC" },
    { loc: ["body", "time_zone"], type: "value_error" },
  ],
  [
    "an unknown zone",
    { due_date: "2027-01-31", time_zone: "Mars/Olympus" },
    { loc: ["body", "time_zone"], type: "value_error" },
  ],
  [
    "an offset for a zone",
    { due_date: "2027-01-31", time_zone: "+02:00" },
    { loc: ["body", "time_zone"], type: "value_error" },
  ],
  ["labels not a list", { labels: "work" }, { loc: ["body", "labels"], type: "list_type" }],
  [
    "21 labels",
    { labels: Array.from({ length: 21 }, (_, i) => `l${i}`) },
    { loc: ["body", "labels"], type: "too_long" },
  ],
  [
    "an empty label",
    { labels: ["ok", "  "] },
    { loc: ["body", "labels", 1], type: "string_too_short" },
  ],
  [
    "a 51-character label",
    { labels: ["x".repeat(51)] },
    { loc: ["body", "labels", 0], type: "string_too_long" },
  ],
  [
    "a label with a comma",
    { labels: ["a,b"] },
    { loc: ["body", "labels", 0], type: "value_error" },
  ],
  [
    "a label with a control character",
    { labels: ["a\u0007b"] },
    { loc: ["body", "labels", 0], type: "value_error" },
  ],
  [
    "a label starting with #",
    { labels: ["#tag"] },
    { loc: ["body", "labels", 0], type: "value_error" },
  ],
  ["a label not a string", { labels: [3] }, { loc: ["body", "labels", 0], type: "string_type" }],
  ...(
    [
      ["a rule without a due date", { recurrence: "FREQ=DAILY" }],
      ["a rule in words", { due_date: "2027-01-31", recurrence: "every day" }],
      ["a rule with its RRULE: prefix", { due_date: "2027-01-31", recurrence: "RRULE:FREQ=DAILY" }],
      ["a rule more often than hourly", { due_date: "2027-01-31", recurrence: "FREQ=MINUTELY" }],
      ["a rule with an unknown part", { due_date: "2027-01-31", recurrence: "FREQ=DAILY;FOO=1" }],
      ["a rule without FREQ", { due_date: "2027-01-31", recurrence: "INTERVAL=2" }],
      [
        "a rule with COUNT and UNTIL",
        { due_date: "2027-01-31", recurrence: "FREQ=DAILY;COUNT=2;UNTIL=20270301" },
      ],
      ["a rule that ended", { due_date: "2027-01-31", recurrence: "FREQ=DAILY;UNTIL=20200101" }],
      [
        "a rule that never occurs",
        { due_date: "2027-01-31", recurrence: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30" },
      ],
    ] as const
  ).map(([name, body]): [string, Record<string, unknown>, Issue] => [
    name,
    body,
    { loc: ["body", "recurrence"], type: "value_error" },
  ]),
  [
    "a rule of 501 characters",
    { due_date: "2027-01-31", recurrence: `FREQ=DAILY;${"INTERVAL=1;".repeat(45)}` },
    { loc: ["body", "recurrence"], type: "string_too_long" },
  ],
  [
    "a rule with a malformed due time",
    { due_date: "2027-01-31", due_time: "#x", recurrence: "FREQ=DAILY" },
    { loc: ["body", "due_time"], type: "time_parsing" },
  ],
  [
    "a rule with an unknown zone",
    { due_date: "2027-01-31", time_zone: "Mars/Base", recurrence: "FREQ=DAILY" },
    { loc: ["body", "time_zone"], type: "value_error" },
  ],
  [
    "an unknown recurrence_from",
    { recurrence_from: "later" },
    { loc: ["body", "recurrence_from"], type: "enum" },
  ],
];

describe("task fields: each rule's 422 names the field, on every write, and nothing changes", () => {
  test.each(cases)("POST: %s", async (_name, body, issue) => {
    const alice = await api.user("alice");
    const response = await alice.post("/api/tasks", { title: "t", ...body });
    expect(response.status).toBe(422);
    expect((response.body as { detail: Issue[] }).detail).toContainEqual(
      expect.objectContaining(issue),
    );
    expect((await alice.get("/api/tasks")).body).toEqual([]);
  });

  test.each(cases)("PUT: %s", async (_name, body, issue) => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    const response = await alice.put(`/api/tasks/${task.id}`, { title: "t", ...body });
    expect(response.status).toBe(422);
    expect((response.body as { detail: Issue[] }).detail).toContainEqual(
      expect.objectContaining(issue),
    );
    expect(await api.storedTask(task.id)).toEqual(task);
  });

  test.each(cases)("PATCH: %s", async (_name, body, issue) => {
    const alice = await api.user("alice");
    const task = await createTask(alice);
    const response = await alice.patch(`/api/tasks/${task.id}`, body);
    expect(response.status).toBe(422);
    expect((response.body as { detail: Issue[] }).detail).toContainEqual(
      expect.objectContaining(issue),
    );
    expect(await api.storedTask(task.id)).toEqual(task);
  });

  test.each([
    ["due_time", { due_date: null, due_time: "10:00" }],
    ["time_zone", { due_date: null, time_zone: "UTC" }],
  ])("PATCH clearing the due date while setting %s: 422", async (field, body) => {
    const alice = await api.user("alice");
    const task = await createTask(alice, { title: "t", due_date: "2027-01-31" });
    const response = await alice.patch(`/api/tasks/${task.id}`, body);
    expect(response.status).toBe(422);
    expect(response.body).toEqual({
      detail: [{ loc: ["body", field], msg: `${field} needs a due_date`, type: "value_error" }],
    });
    expect(await api.storedTask(task.id)).toEqual(task);
  });
});
