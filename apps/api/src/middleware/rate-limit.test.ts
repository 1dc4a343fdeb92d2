import { describe, expect, test } from "vitest";
import {
  type ApiResponse,
  createTask,
  NOT_A_TASK_ID,
  outcome,
  randomId,
  setupTestApi,
  TASK_NOT_FOUND,
} from "../../test/harness.ts";

// Small limits, so a test reaches them in a few requests: 5 requests and 2 writes a minute.
const api = setupTestApi({
  env: { RATE_LIMIT_REQUESTS_PER_MINUTE: "5", RATE_LIMIT_WRITES_PER_MINUTE: "2" },
});

const READS = '"requests";q=5;w=60';
const READS_AND_WRITES = '"requests";q=5;w=60, "writes";q=2;w=60';

/** The window's seconds left, as the response's RateLimit field says (one per policy). */
function secondsLeft(response: ApiResponse): number[] {
  const field = response.headers.get("ratelimit") ?? "";
  const seconds = [...field.matchAll(/;t=(\d+)/g)].map((match) => Number(match[1]));
  // A one-minute window, opened by this test's first request moments ago.
  for (const t of seconds) expect(t).toBeGreaterThanOrEqual(50);
  for (const t of seconds) expect(t).toBeLessThanOrEqual(60);
  return seconds;
}

/** The rate-limit fields of a response, to compare with the expected ones in one assertion. */
const limitFields = (response: ApiResponse) => ({
  status: response.status,
  policy: response.headers.get("ratelimit-policy"),
  limit: response.headers.get("ratelimit"),
  retryAfter: response.headers.get("retry-after"),
});

describe("per-user limits of the task routes", () => {
  test("every answer says what is left; the sixth request of the minute is a 429 with Retry-After", async () => {
    const alice = await api.user("alice");
    for (let remaining = 4; remaining >= 0; remaining--) {
      const response = await alice.get("/api/tasks");
      const [t] = secondsLeft(response);
      expect(limitFields(response)).toEqual({
        status: 200,
        policy: READS,
        limit: `"requests";r=${remaining};t=${t}`,
        retryAfter: null,
      });
    }

    const refused = await alice.get("/api/tasks");
    const [t] = secondsLeft(refused);
    expect(limitFields(refused)).toEqual({
      status: 429,
      policy: READS,
      limit: `"requests";r=0;t=${t}`,
      retryAfter: String(t),
    });
    expect(refused.body).toEqual({
      detail: `Too many requests: the limit is 5 requests a minute; try again in ${t} seconds`,
    });
  });

  test("writes have their own, smaller limit; reads go on after it is reached", async () => {
    const alice = await api.user("alice");
    const first = await alice.post("/api/tasks", { title: "One" });
    const [r1, w1] = secondsLeft(first);
    expect(limitFields(first)).toEqual({
      status: 201,
      policy: READS_AND_WRITES,
      limit: `"requests";r=4;t=${r1}, "writes";r=1;t=${w1}`,
      retryAfter: null,
    });
    expect((await alice.post("/api/tasks", { title: "Two" })).status).toBe(201);

    const refused = await alice.post("/api/tasks", { title: "Three" });
    const [r3, w3] = secondsLeft(refused);
    expect(limitFields(refused)).toEqual({
      status: 429,
      policy: READS_AND_WRITES,
      limit: `"requests";r=2;t=${r3}, "writes";r=0;t=${w3}`,
      retryAfter: String(w3),
    });
    expect(refused.body).toEqual({
      detail: `Too many requests: the limit is 2 writes (POST, PUT, PATCH, DELETE) a minute; try again in ${w3} seconds`,
    });

    const list = await alice.get("/api/tasks");
    const [t] = secondsLeft(list);
    expect(limitFields(list)).toEqual({
      status: 200,
      policy: READS,
      limit: `"requests";r=1;t=${t}`,
      retryAfter: null,
    });
    // The refused create stored nothing.
    expect(list.headers.get("x-total-count")).toBe("2");
  });

  test("PUT, PATCH and DELETE are writes too; a refused DELETE deletes nothing", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, { title: "Keep me" });
    expect((await alice.patch(`/api/tasks/${task.id}`, { title: "Kept" })).status).toBe(200);

    const put = await alice.put(`/api/tasks/${task.id}`, { title: "Replaced" });
    expect(put.status).toBe(429);
    const refused = await alice.delete(`/api/tasks/${task.id}`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("ratelimit")).toMatch(/^"requests";r=1;t=\d+, "writes";r=0;t=\d+$/);

    expect(await api.storedTask(task.id)).toMatchObject({ title: "Kept" });
  });

  test("one user's limit does not touch another's", async () => {
    const alice = await api.user("alice");
    const bob = await api.user("bob");
    for (let i = 0; i < 5; i++) await alice.get("/api/tasks");
    expect((await alice.get("/api/tasks")).status).toBe(429);

    const response = await bob.get("/api/tasks");
    const [t] = secondsLeft(response);
    expect(limitFields(response)).toEqual({
      status: 200,
      policy: READS,
      limit: `"requests";r=4;t=${t}`,
      retryAfter: null,
    });
  });

  test("the route's own errors carry the fields and count too", async () => {
    const alice = await api.user("alice");
    const missing = await alice.get(`/api/tasks/${NOT_A_TASK_ID}`);
    expect(outcome(missing)).toEqual(TASK_NOT_FOUND);
    expect(missing.headers.get("ratelimit")).toMatch(/^"requests";r=4;t=\d+$/);
  });

  test("requests without a valid token are refused by auth, never counted or limited", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const response = await api.anonymous.get("/api/tasks");
      statuses.push(response.status);
      expect(response.headers.get("ratelimit")).toBeNull();
    }
    expect(statuses).toEqual(Array(7).fill(401));
  });
});

describe("RATE_LIMIT_*_PER_MINUTE=0 turns a limit off", () => {
  test("both off: no limit and no RateLimit fields", async () => {
    const app = await api.startApp({
      env: { RATE_LIMIT_REQUESTS_PER_MINUTE: "0", RATE_LIMIT_WRITES_PER_MINUTE: "0" },
    });
    const user = app.client(await api.tokenFor(randomId("free")));
    for (let i = 0; i < 8; i++) {
      const response = await user.post("/api/tasks", { title: `Task ${i}` });
      expect(limitFields(response)).toEqual({
        status: 201,
        policy: null,
        limit: null,
        retryAfter: null,
      });
    }
  });

  test("writes off: a write counts against the requests limit only", async () => {
    const app = await api.startApp({
      env: { RATE_LIMIT_REQUESTS_PER_MINUTE: "3", RATE_LIMIT_WRITES_PER_MINUTE: "0" },
    });
    const user = app.client(await api.tokenFor(randomId("writer")));
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await user.post("/api/tasks", { title: `Task ${i}` });
      statuses.push(response.status);
      expect(response.headers.get("ratelimit-policy")).toBe('"requests";q=3;w=60');
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
  });
});
