import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { createTask, setupTestApi, type TaskJson, type TestUser } from "../../../test/harness.ts";

const api = setupTestApi();

const TODOIST = readFileSync(
  new URL("../../../test/fixtures/todoist-template.csv", import.meta.url),
  "utf8",
);

type Export = { version: number; tasks: TaskJson[] };

/** A task without what an import makes anew. */
const portable = ({
  id: _id,
  user_id: _user,
  created_at: _created,
  updated_at: _updated,
  series_id: _series,
  next_occurrence_id: _next,
  reminders,
  ...rest
}: TaskJson) => ({
  ...rest,
  reminders: reminders.map(({ offset_minutes, at, fires_at }) => ({
    offset_minutes,
    at,
    fires_at,
  })),
});

const exported = async (user: TestUser) =>
  ((await user.get("/api/export?format=json")).body as Export).tasks;

const upload = (user: TestUser, text: string, name: string, query = "") => {
  const form = new FormData();
  form.set("file", new File([text], name));
  return user.fetch(`/api/import${query}`, { method: "POST", body: form });
};

describe("POST /api/import with our JSON export", () => {
  test("round trip: exported, imported into an empty account, exported again: the same tasks", async () => {
    const alice = await api.user("alice");
    await createTask(alice, {
      title: "Plan the trip",
      description: "Tickets, hotel",
      priority: "high",
      due_date: "2099-03-01",
      due_time: "09:30",
      time_zone: "Europe/Berlin",
      labels: ["Travel", "home"],
      reminders: [{ offset_minutes: 60 }, { at: "2099-02-28T18:00:00Z" }],
    });
    await createTask(alice, {
      title: "Water the plants",
      due_date: "2099-01-04",
      recurrence: "FREQ=WEEKLY;BYDAY=MO",
      recurrence_from: "completion",
    });
    const done = await createTask(alice, { title: "Done already", priority: "low" });
    await alice.patch(`/api/tasks/${done.id}/complete`);
    const file = (await alice.get("/api/export?format=json")).text;
    const carol = await api.user("carol");
    const response = await carol.send("POST", "/api/import", file, "application/json");
    expect({
      status: response.status,
      body: response.body,
      tasks: (await exported(carol)).map(portable),
    }).toEqual({
      status: 201,
      body: { created: 3, skipped: [] },
      tasks: (await exported(alice)).map(portable),
    });
  });

  test("tasks in the trash are skipped, with the reason", async () => {
    const alice = await api.user("alice");
    await createTask(alice, { title: "Kept" });
    const binned = await createTask(alice, { title: "Binned" });
    await alice.delete(`/api/tasks/${binned.id}`);
    const file = (await alice.get("/api/export?format=json")).text;
    const response = await upload(await api.user("carol"), file, "export.json");
    expect([response.status, response.body]).toEqual([
      201,
      { created: 1, skipped: [{ row: 2, reason: "in the trash" }] },
    ]);
  });

  test("a task breaking the create's rules is skipped, naming the field; the others are created", async () => {
    const file = JSON.stringify({
      version: 1,
      tasks: [
        { title: "Fine", is_completed: true, deleted_at: null },
        { title: "Bad day", due_date: "2027-02-30", deleted_at: null },
      ],
    });
    const carol = await api.user("carol");
    const response = await carol.send("POST", "/api/import", file, "application/json");
    const stored = (await exported(carol)).map((task) => [task.title, task.is_completed]);
    expect([response.status, response.body, stored]).toEqual([
      201,
      {
        created: 1,
        skipped: [
          { row: 2, reason: "due_date: Input should be a valid date in the format YYYY-MM-DD" },
        ],
      },
      [["Fine", true]],
    ]);
  });
});

describe("POST /api/import with Todoist's CSV", () => {
  test("as a file in a form: every task created, the bad rows skipped with their reasons", async () => {
    const alice = await api.user("alice");
    const response = await upload(alice, TODOIST, "Project.csv");
    const titles = (await exported(alice)).map((task) => task.title);
    expect({ status: response.status, body: response.body, count: titles.length }).toEqual({
      status: 201,
      body: {
        created: 14,
        skipped: [
          { row: 19, reason: "Empty CONTENT" },
          { row: 20, reason: "title: String should have at most 255 characters" },
        ],
      },
      count: 14,
    });
  });

  test("as a text/csv body: the task as the file says, with a new id", async () => {
    const alice = await api.user("alice");
    await alice.send("POST", "/api/import", TODOIST, "text/csv");
    const timed = (await exported(alice)).find((task) => task.title === "Timed");
    expect(timed && portable(timed)).toEqual({
      title: "Timed",
      description: null,
      is_completed: false,
      priority: "medium",
      due_date: "2027-04-09",
      due_time: "17:00",
      time_zone: "America/New_York",
      due_at: "2027-04-09T21:00:00.000Z",
      labels: [],
      recurrence: null,
      recurrence_from: "due",
      reminders: [],
      deleted_at: null,
    });
  });
});

describe("POST /api/import?preview=true", () => {
  test("answers what would be created and writes nothing", async () => {
    const alice = await api.user("alice");
    const response = await upload(alice, TODOIST, "Project.csv", "?preview=true&tz=Asia/Tokyo");
    const body = response.body as { tasks: unknown[] };
    expect({
      status: response.status,
      body: { ...body, tasks: body.tasks.slice(0, 1) },
      shown: body.tasks.length,
      stored: await exported(alice),
    }).toEqual({
      status: 200,
      body: {
        format: "todoist-csv",
        would_create: 14,
        tasks: [
          {
            title: "Plain task",
            description: null,
            is_completed: false,
            priority: "none",
            due_date: null,
            due_time: null,
            time_zone: null,
            labels: [],
            recurrence: null,
            recurrence_from: "due",
          },
        ],
        skipped: [
          { row: 19, reason: "Empty CONTENT" },
          { row: 20, reason: "title: String should have at most 255 characters" },
        ],
      },
      shown: 14,
      stored: [],
    });
  });
});
