import { describe, expect, test } from "vitest";
import { createTask, setupTestApi, type TaskJson, UNORGANIZED } from "../../../test/harness.ts";

const api = setupTestApi();

const organised = {
  title: "Pay rent",
  priority: "high",
  due_date: "2027-01-31",
  due_time: "09:15",
  time_zone: "europe/berlin",
  labels: ["  Home ", "bills", "home", "Äpfel", "admin"],
};

describe("priority, due date, time zone and labels", () => {
  test("POST stores every field: zone spelled as IANA does, due_at computed, labels deduplicated and sorted", async () => {
    const alice = await api.user("alice");
    const response = await alice.post("/api/tasks", organised);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      priority: "high",
      due_date: "2027-01-31",
      due_time: "09:15",
      time_zone: "Europe/Berlin",
      due_at: "2027-01-31T08:15:00.000Z",
      labels: ["admin", "bills", "Home", "Äpfel"],
    });
    const task = response.body as TaskJson;
    expect(await api.storedTask(task.id)).toEqual(task);
    expect((await alice.get(`/api/tasks/${task.id}`)).body).toEqual(task);
  });

  test("a due date alone is all-day in UTC: due_at is the start of the next day", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, { title: "t", due_date: "2028-02-29" });
    expect(task).toMatchObject({
      due_date: "2028-02-29",
      due_time: null,
      time_zone: "UTC",
      due_at: "2028-03-01T00:00:00.000Z",
    });
  });

  test("PUT puts every omitted editable field back to its default", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, organised);
    const response = await alice.put(`/api/tasks/${task.id}`, { title: "Plain" });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      title: "Plain",
      description: null,
      ...UNORGANIZED,
    });
  });

  test("PATCH changes only what it names; the due fields merge with the task's own", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, organised);
    const time = await alice.patch(`/api/tasks/${task.id}`, { due_time: "18:00" });
    expect(time.body).toMatchObject({
      ...task,
      due_time: "18:00",
      due_at: "2027-01-31T17:00:00.000Z",
      updated_at: expect.any(String),
    });
    const zone = await alice.patch(`/api/tasks/${task.id}`, { time_zone: "Asia/Tokyo" });
    expect(zone.body).toMatchObject({ due_time: "18:00", due_at: "2027-01-31T09:00:00.000Z" });
    const allDay = await alice.patch(`/api/tasks/${task.id}`, { due_time: null });
    expect(allDay.body).toMatchObject({ due_at: "2027-01-31T15:00:00.000Z" });
    const labels = await alice.patch(`/api/tasks/${task.id}`, { labels: ["x"], priority: "low" });
    expect(labels.body).toMatchObject({ labels: ["x"], priority: "low", title: "Pay rent" });
  });

  test("PATCH due_date: null clears due_time and time_zone; a new date on an undated task is UTC", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, organised);
    const cleared = await alice.patch(`/api/tasks/${task.id}`, { due_date: null });
    expect(cleared.body).toMatchObject({
      due_date: null,
      due_time: null,
      time_zone: null,
      due_at: null,
    });
    const dated = await alice.patch(`/api/tasks/${task.id}`, { due_date: "2027-06-01" });
    expect(dated.body).toMatchObject({
      due_time: null,
      time_zone: "UTC",
      due_at: "2027-06-02T00:00:00.000Z",
    });
  });

  test("If-Match and the ETag hold for the new fields", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, organised);
    const stale = `"${task.updated_at}"`;
    const first = await alice.patch(
      `/api/tasks/${task.id}`,
      { due_time: "10:00" },
      { "if-match": stale },
    );
    expect(first.status).toBe(200);
    expect(first.headers.get("etag")).toBe(`"${(first.body as TaskJson).updated_at}"`);
    const second = await alice.patch(
      `/api/tasks/${task.id}`,
      { due_time: "11:00" },
      { "if-match": stale },
    );
    expect(second.status).toBe(412);
    expect((second.body as { task: TaskJson }).task).toEqual(first.body);
  });

  test("an Idempotency-Key replays the first answer with the new fields, and refuses other fields", async () => {
    const alice = await api.user("alice");
    const headers = { "idempotency-key": "k-organised" };
    const first = await alice.post("/api/tasks", organised, headers);
    const again = await alice.post("/api/tasks", organised, headers);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.text).toBe(first.text);
    const other = await alice.post("/api/tasks", { ...organised, priority: "low" }, headers);
    expect(other.status).toBe(422);
  });
});
