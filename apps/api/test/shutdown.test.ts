import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PGLITE_EXTENSIONS } from "../src/db/pglite.ts";
import {
  type Attempt,
  type Booted,
  boot,
  createServerDatabase,
  JwksServer,
  LISTENING,
  logged,
  randomId,
  signToken,
  splitRequest,
  startLoad,
  waitForLogged,
} from "./harness.ts";

/**
 * SIGTERM under load, on the real entry point in its own process: every request the API reads is
 * answered, every answered create is stored once and nothing else is, and the process exits 0.
 */

const CLIENTS = 32;
/** Answers before the signal, in all and to each client (on its kept-alive connection by then). */
const ANSWERS_BEFORE_SIGNAL = { total: 8 * CLIENTS, each: 2 };
const DRAINING = "draining: finishing in-flight requests";
const PROCESS_TEST_TIMEOUT_MS = 90_000;

const jwks = new JwksServer();
const dataDir = mkdtempSync(join(tmpdir(), "taskline-api-shutdown-"));

beforeAll(async () => {
  await jwks.start();
  await jwks.addKey();
});

afterAll(async () => {
  await jwks.close();
  rmSync(dataDir, { recursive: true, force: true });
});

// The load comes from a few users, well past the per-user rate limits, which are not under test.
const baseEnv = () => ({
  PORT: "0",
  LOG_LEVEL: "info",
  AUTH_JWKS_URL: jwks.url,
  RATE_LIMIT_REQUESTS_PER_MINUTE: "0",
  RATE_LIMIT_WRITES_PER_MINUTE: "0",
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function tokenFor(user: string) {
  const key = jwks.keys[0];
  if (!key) throw new Error("no key");
  return signToken(key, user);
}

type Task = { id: string; title: string };

/** The user's tasks in the API's PGlite data directory (once the API has closed it). */
async function pgliteTasks(user: string): Promise<Task[]> {
  const client = await PGlite.create({
    dataDir: join(dataDir, "api"),
    extensions: PGLITE_EXTENSIONS,
  });
  try {
    const query = "select id, title from tasks where user_id = $1";
    return (await client.query<Task>(query, [user])).rows;
  } finally {
    await client.close();
  }
}

/** Request id → status, from the "request" lines the API logged. */
function answeredByApi(api: Booted): Map<string, number> {
  return new Map(logged(api, "request").map((line) => [String(line.reqId), Number(line.status)]));
}

/** One letter per attempt: Answered, answered with Connection: Close, Unanswered, Refused, Failed. */
function shape(attempts: Attempt[]): string {
  return attempts
    .map(({ outcome }) => {
      if (outcome.kind === "answered") return outcome.connectionClose ? "C" : "A";
      return { "closed-unanswered": "U", refused: "R", failed: "F" }[outcome.kind];
    })
    .join("");
}

/**
 * Boots the API, puts `CLIENTS` keep-alive clients on it plus a /ready and a create whose
 * requests are only half sent, sends SIGTERM, finishes those two once every HTTP process drains,
 * and checks every outcome against the API's log and the stored tasks.
 */
async function drainUnderLoad(
  env: Record<string, string>,
  httpProcesses: number,
  storedTasks: (user: string) => Promise<Task[]>,
) {
  const user = randomId("user_drain");
  const token = await tokenFor(user);
  const api = await boot(env);
  await waitForLogged(api, LISTENING, httpProcesses);

  const ready = await splitRequest(api.url, "GET /ready HTTP/1.1\r\nhost: api\r\n", "\r\n");
  const slowBody = JSON.stringify({ title: "in flight during the drain" });
  const create = await splitRequest(
    api.url,
    `POST /api/tasks HTTP/1.1\r\nhost: api\r\nauthorization: Bearer ${token}\r\n` +
      `content-type: application/json\r\ncontent-length: ${slowBody.length}\r\n\r\n${slowBody.slice(0, 9)}`,
    slowBody.slice(9),
  );
  const load = startLoad({ url: api.url, token, clients: CLIENTS });
  let loadDone = false;
  void load.done.then(() => {
    loadDone = true;
  });
  const enough = () => {
    const { total, fewest } = load.answered();
    return total >= ANSWERS_BEFORE_SIGNAL.total && fewest >= ANSWERS_BEFORE_SIGNAL.each;
  };
  while (!enough() && !loadDone) await sleep(5);
  const answeredBeforeSignal = load.answered().total;
  load.signalled();
  api.child.kill("SIGTERM");

  await waitForLogged(api, DRAINING, httpProcesses);
  const readyAnswer = await ready.finish();
  const createAnswer = await create.finish();
  await load.done;
  expect(await api.exited).toBe(0);

  expect(readyAnswer).toMatchObject({
    status: 503,
    headers: { connection: "close" },
    body: '{"detail":"Shutting down"}',
  });
  expect(createAnswer).toMatchObject({ status: 201, headers: { connection: "close" } });
  const slowTask = JSON.parse(createAnswer.body) as Task;
  expect(slowTask.title).toBe("in flight during the drain");

  // Each client: answers, then one with Connection: close or a kept-alive connection closed
  // before the request was read, then a refused connection: the port was closed before.
  const shapes = load.attempts.map(shape);
  expect(shapes.filter((s) => !/^A+(C|U)R$/.test(s))).toEqual([]);
  const attempts = load.attempts.flat();
  // A connection is closed unanswered only when its request left after the signal: the API reads
  // what was already sent before it closes idle connections.
  const sentBefore = attempts.filter((a) => a.writtenBeforeSignal);
  expect(sentBefore.filter((a) => a.outcome.kind !== "answered")).toEqual([]);
  const answered = attempts.filter((a) => a.outcome.kind === "answered");
  expect(
    answered.filter(
      (a) =>
        a.outcome.kind === "answered" && a.outcome.status !== (a.method === "POST" ? 201 : 200),
    ),
  ).toEqual([]);

  // The API answered exactly the requests the clients got answers to; it never read the others.
  const byApi = answeredByApi(api);
  const notAnswered = attempts.filter((a) => a.outcome.kind !== "answered");
  expect(notAnswered.filter((a) => byApi.has(a.id))).toEqual([]);
  expect(
    answered.filter((a) => a.outcome.kind === "answered" && byApi.get(a.id) !== a.outcome.status),
  ).toEqual([]);

  // Every create answered 201 is stored exactly once, and nothing else is.
  const created = answered.flatMap((a) =>
    a.outcome.kind === "answered" && a.method === "POST"
      ? [{ id: (JSON.parse(a.outcome.body) as Task).id, title: a.title ?? "" }]
      : [],
  );
  const byTitle = (a: Task, b: Task) => a.title.localeCompare(b.title);
  expect((await storedTasks(user)).sort(byTitle)).toEqual(
    [...created, { id: slowTask.id, title: slowTask.title }].sort(byTitle),
  );

  expect(logged(api, LISTENING)).toHaveLength(httpProcesses);
  expect(
    logged(api, "grace period over: closed connections whose requests were still in flight"),
  ).toEqual([]);
  const count = (letter: string) => shapes.join("").split(letter).length - 1;
  return {
    api,
    figures: {
      answeredBeforeSignal,
      sentBeforeSignal: sentBefore.length,
      answered: answered.length,
      answeredWithConnectionClose: count("C"),
      closedUnansweredThenRetried: count("U"),
      refused: count("R"),
      failed: count("F"),
      stored: created.length + 1,
    },
  };
}

describe("SIGTERM under load", { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  test("one process (PGlite): no request lost, no reset, every answered create stored once, exit 0", async ({
    annotate,
  }) => {
    const { api, figures } = await drainUnderLoad(
      { ...baseEnv(), DATA_DIR: dataDir },
      1,
      pgliteTasks,
    );
    expect(logged(api, "stopped")).toHaveLength(1);
    await annotate(JSON.stringify(figures));
  });

  test("API_WORKERS=2 (Postgres): the same, no worker replaced, the primary exits 0 after both", async ({
    annotate,
  }) => {
    const database = await createServerDatabase();
    try {
      const { api, figures } = await drainUnderLoad(
        { ...baseEnv(), DATABASE_URL: database.url, API_WORKERS: "2" },
        2,
        async (user) =>
          (await database.sql<Task[]>`select id, title from tasks where user_id = ${user}`).map(
            ({ id, title }) => ({ id, title }),
          ),
      );
      expect(logged(api, "worker died: starting another")).toEqual([]);
      expect(logged(api, "worker failed to stop cleanly")).toEqual([]);
      // Both workers, then the primary.
      expect(logged(api, "stopped")).toHaveLength(3);
      await annotate(JSON.stringify(figures));
    } finally {
      await database.drop();
    }
  });
});

describe("SHUTDOWN_GRACE_MS", { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  test("idle connections close at once; a request still in flight is cut when the grace period ends; exit 0", async ({
    annotate,
  }) => {
    const graceMs = 1_500;
    const user = randomId("user_grace");
    const token = await tokenFor(user);
    const api = await boot({ ...baseEnv(), DATA_DIR: dataDir, SHUTDOWN_GRACE_MS: String(graceMs) });
    const idle = await splitRequest(api.url, "GET /health HTTP/1.1\r\nhost: api\r\n\r\n", "");
    while (!idle.received().endsWith('{"status":"ok"}')) await sleep(5);
    // Its body never arrives: the request stays in flight.
    const stuck = await splitRequest(
      api.url,
      `POST /api/tasks HTTP/1.1\r\nhost: api\r\nauthorization: Bearer ${token}\r\n` +
        'content-type: application/json\r\ncontent-length: 30\r\n\r\n{"title":',
      "",
    );
    await sleep(100);

    const signalled = performance.now();
    api.child.kill("SIGTERM");
    await idle.closed;
    const idleClosedAfter = performance.now() - signalled;
    expect(await stuck.closed).toBe("");
    const cutAfter = performance.now() - signalled;
    expect(await api.exited).toBe(0);

    expect(idleClosedAfter).toBeLessThan(graceMs);
    // The grace period starts when the API handles the signal, a little after it was sent.
    expect(cutAfter).toBeGreaterThanOrEqual(graceMs - 20);
    expect(cutAfter).toBeLessThan(graceMs + 5_000);
    expect(
      logged(api, "grace period over: closed connections whose requests were still in flight"),
    ).toMatchObject([{ connections: 1, graceMs }]);
    expect(logged(api, "stopped")).toHaveLength(1);
    expect(await pgliteTasks(user)).toEqual([]);
    await annotate(JSON.stringify({ graceMs, idleClosedAfter, cutAfter }));
  });
});
