import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Task } from "../task-api";
import { type FakeTaskApi, startFakeTaskApi } from "./fake-task-api";

/** The fake's search, sorts, organizing fields and label routes, held to the API's contract. */
let server: FakeTaskApi;
let user = 0;

beforeAll(async () => {
  server = await startFakeTaskApi();
});
afterAll(() => server.close());
afterEach(() => server.reset());

async function signedIn() {
  user += 1;
  const userId = `fake-organizing-${user}`;
  const cookie = server.session(userId);
  const answer = await fetch(`${server.url}/api/auth/token`, { headers: { cookie } });
  const { token } = (await answer.json()) as { token: string };
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : null,
    };
  };
  const titles = async (query: string) =>
    ((await call("GET", `/api/tasks?${query}`)).body as Task[]).map((task) => task.title);
  return { userId, call, titles };
}

describe("fake task API: search and sort", () => {
  it("searches ignoring case and accents, by substring and despite typos", async () => {
    const { userId, titles } = await signedIn();
    server.seed(userId, [
      { title: "Buy groceries" },
      { title: "Café with Ana" },
      { title: "Pay rent" },
    ]);

    expect(await titles("q=grocries")).toEqual(["Buy groceries"]);
    expect(await titles("q=groc")).toEqual(["Buy groceries"]);
    expect(await titles("q=cafe")).toEqual(["Café with Ana"]);
    expect(await titles("q=zebra")).toEqual([]);
  });

  it("sorts by each key with ties newest first, and pages through a sorted list", async () => {
    const { userId, call, titles } = await signedIn();
    server.seed(userId, [
      { title: "b", priority: "low", due_date: "2027-01-02" },
      { title: "A", priority: "high" },
      { title: "c", priority: "high", due_date: "2027-01-01" },
    ]);

    expect(await titles("sort=-priority")).toEqual(["A", "c", "b"]);
    expect(await titles("sort=title")).toEqual(["A", "b", "c"]);
    expect(await titles("sort=due_at")).toEqual(["c", "b", "A"]);
    expect(await titles("sort=-due_at")).toEqual(["b", "c", "A"]);
    const first = await call("GET", "/api/tasks?sort=title&limit=2");
    const cursor = /cursor=([^&>]+)/.exec(first.headers.get("Link") ?? "")?.[1];
    expect(await titles(`sort=title&limit=2&cursor=${cursor}`)).toEqual(["c"]);
  });

  it.each([
    ["sort=relevance", "sort"],
    ["sort=random", "sort"],
    ["q=%20", "q"],
  ])("refuses %s with a 422 naming the parameter", async (query, field) => {
    const { call } = await signedIn();
    const answer = await call("GET", `/api/tasks?${query}`);
    expect(answer.status).toBe(422);
    expect(answer.body.detail[0].loc).toEqual(["query", field]);
  });
});

describe("fake task API: organizing fields in a PATCH", () => {
  it("changes only what it names; clearing the due date clears its time and zone", async () => {
    const { userId, call } = await signedIn();
    const [task] = server.seed(userId, [{ title: "T", labels: ["x"] }]) as [Task];
    const path = `/api/tasks/${task.id}`;

    const dated = await call("PATCH", path, {
      priority: "high",
      due_date: "2027-01-02",
      due_time: "09:30",
      time_zone: "Europe/Berlin",
      labels: ["b", " A ", "a"],
    });
    expect(dated.body).toMatchObject({
      title: "T",
      priority: "high",
      due_date: "2027-01-02",
      due_time: "09:30",
      time_zone: "Europe/Berlin",
      labels: ["A", "b"],
    });
    const cleared = await call("PATCH", path, { due_date: null });
    expect(cleared.body).toMatchObject({ due_date: null, due_time: null, time_zone: null });
  });

  it.each([
    [{ priority: "urgent" }, ["body", "priority"]],
    [{ labels: ["#x"] }, ["body", "labels", "0"]],
    [{ labels: ["a,b"] }, ["body", "labels", "0"]],
    [{ labels: Array.from({ length: 21 }, (_, i) => `l${i}`) }, ["body", "labels"]],
    [{ due_time: "10:00" }, ["body", "due_time"]],
  ])("refuses %j with a 422", async (body, loc) => {
    const { userId, call } = await signedIn();
    const [task] = server.seed(userId, [{ title: "T" }]) as [Task];
    const answer = await call("PATCH", `/api/tasks/${task.id}`, body);
    expect(answer.status).toBe(422);
    expect(answer.body.detail[0].loc).toEqual(loc);
  });
});

describe("fake task API: the label routes", () => {
  it("PATCH renames in any spelling, merging into a label of the new name", async () => {
    const { userId, call } = await signedIn();
    const [a, b, c] = server.seed(userId, [
      { title: "a", labels: ["job", "work"] },
      { title: "b", labels: ["Job", "x"] },
      { title: "c", labels: ["y"] },
    ]) as [Task, Task, Task];

    const renamed = await call("PATCH", "/api/labels/JOB", { name: "Work" });
    expect(renamed.status).toBe(204);
    const labelsOf = (task: Task) => server.tasksOf(userId).find((t) => t.id === task.id)?.labels;
    expect([labelsOf(a), labelsOf(b), labelsOf(c)]).toEqual([["Work"], ["Work", "x"], ["y"]]);
  });

  it("DELETE removes it from every task, which stay; unknown labels are a 404, bad names a 422", async () => {
    const { userId, call } = await signedIn();
    server.seed(userId, [{ title: "a", labels: ["Old", "keep"] }]);

    expect((await call("DELETE", "/api/labels/old")).status).toBe(204);
    expect((await call("GET", "/api/labels")).body).toEqual([
      { name: "keep", task_count: 1, open_count: 1 },
    ]);
    expect(await call("DELETE", "/api/labels/old")).toMatchObject({
      status: 404,
      body: { detail: "Label not found" },
    });
    const bad = await call("PATCH", "/api/labels/keep", { name: "#a" });
    expect(bad.status).toBe(422);
    expect(bad.body.detail[0].loc).toEqual(["body", "name"]);
  });
});
