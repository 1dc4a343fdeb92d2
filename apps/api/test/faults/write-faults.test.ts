import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Database, openDatabase } from "../../src/db/client.ts";
import type { TaskJson } from "../../src/routes/tasks/schema.ts";
import { type RunningApp, startApp } from "../harness.ts";
import { JwksServer } from "../support/jwks-server.ts";
import { type PgCluster, startCluster } from "../support/pg-cluster.ts";
import { randomId, signToken } from "../support/tokens.ts";

/**
 * Concurrent creates and toggles, every one with an Idempotency-Key and retried with it until
 * answered, while the test's own Postgres cluster is restarted `-m fast` and then crashed
 * (`-m immediate`). What must hold afterwards: every acknowledged create exists exactly once and
 * no logical create exists twice; toggles answered in a row alternate, and the last answer is
 * what is stored; no request took longer than the deadline allows.
 */

/** The default deadline (1,000 ms), the statement timeout it waits out (500 + 100), and HTTP. */
const LONGEST_ANSWER_MS = 2_000;
const CREATORS = 16;
const TOGGLERS = 16;
/**
 * The cluster's start and restarts take ~10 s on a quiet machine and several times that on a busy
 * one; what must be fast (each answer within the deadline) is asserted, not bounded by this.
 */
const TEST_TIMEOUT_MS = 180_000;
const LOAD_MS = 9_000;
/** After the load, how long a client keeps retrying the write it was on. */
const GIVE_UP_MS = 5_000;

let cluster: PgCluster;
let database: Database;
let app: RunningApp;
const jwks = new JwksServer();

beforeAll(async () => {
  cluster = await startCluster();
  database = await openDatabase({ kind: "postgres", url: cluster.url, poolSize: 8 });
  await database.migrate();
  await jwks.start();
  await jwks.addKey();
  // One user sends every request here: well past the per-user limits, which are not under test.
  app = await startApp(database, jwks.url, {
    env: {
      LOG_LEVEL: "silent",
      RATE_LIMIT_REQUESTS_PER_MINUTE: "0",
      RATE_LIMIT_WRITES_PER_MINUTE: "0",
    },
  });
}, TEST_TIMEOUT_MS);

afterAll(async () => {
  await app?.close();
  await database?.close();
  await jwks.close();
  await cluster?.stop();
});

type Figures = {
  requests: number;
  retried: number;
  longestMs: number;
  statuses: Map<number, number>;
  /** When each write was answered 200/201 (performance.now()). */
  successesAt: number[];
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends one logical write until it is answered 200/201; undefined if still unanswered at `until()`. */
async function untilAnswered(
  figures: Figures,
  until: () => number,
  send: () => Promise<Response>,
): Promise<TaskJson | undefined> {
  for (let attempt = 0; Date.now() < until(); attempt += 1) {
    if (attempt > 0) figures.retried += 1;
    const started = performance.now();
    let status = 0;
    let body: TaskJson | undefined;
    try {
      const response = await send();
      status = response.status;
      if (status === 200 || status === 201) body = (await response.json()) as TaskJson;
      else await response.arrayBuffer();
    } catch {
      status = -1; // no answer at all: counted, and retried
    }
    figures.requests += 1;
    figures.longestMs = Math.max(figures.longestMs, performance.now() - started);
    figures.statuses.set(status, (figures.statuses.get(status) ?? 0) + 1);
    if (body) {
      figures.successesAt.push(performance.now());
      return body;
    }
    await sleep(50);
  }
  return undefined;
}

describe("writes while Postgres restarts and crashes", () => {
  test(
    "acknowledged writes hold, none is applied twice, none waits past the deadline",
    async () => {
      const figures: Figures = {
        requests: 0,
        retried: 0,
        longestMs: 0,
        statuses: new Map(),
        successesAt: [],
      };
      const userId = randomId("fault");
      const token = await signToken(jwks.keys[0] ?? (await jwks.addKey()), userId);
      const call = (method: string, path: string, key: string, body?: unknown) =>
        fetch(`${app.url}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            "content-type": "application/json",
            "idempotency-key": `"${key}"`,
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(10_000),
        });

      const toggled: TaskJson[] = [];
      for (let i = 0; i < TOGGLERS; i += 1) {
        const created = await call("POST", "/api/tasks", `setup-${i}`, { title: `toggled ${i}` });
        toggled.push((await created.json()) as TaskJson);
      }

      // The load lasts LOAD_MS, and at least until 3 s after the server is back (restarts are slower
      // on a busy machine), so that writes are seen succeeding again.
      const startedAt = Date.now();
      let stopAt = Number.POSITIVE_INFINITY;
      const giveUpAt = () => stopAt + GIVE_UP_MS;
      const acknowledged: TaskJson[] = [];
      const titlesSent: string[] = [];
      const creator = async (i: number) => {
        for (let n = 0; Date.now() < stopAt; n += 1) {
          const title = `created ${i}.${n}`;
          titlesSent.push(title);
          const task = await untilAnswered(figures, giveUpAt, () =>
            call("POST", "/api/tasks", `create-${i}-${n}`, { title }),
          );
          if (task) acknowledged.push(task);
        }
      };
      const states: boolean[][] = toggled.map((task) => [task.is_completed]);
      const toggler = async (i: number) => {
        const id = toggled[i]?.id ?? "";
        for (let n = 0; Date.now() < stopAt; n += 1) {
          const task = await untilAnswered(figures, giveUpAt, () =>
            call("PATCH", `/api/tasks/${id}/complete`, `toggle-${i}-${n}`),
          );
          if (task) states[i]?.push(task.is_completed);
        }
      };
      const faults = async () => {
        await sleep(1_500);
        await cluster.restart("fast");
        await sleep(3_000);
        await cluster.restart("immediate");
        // pg_ctl -w has returned: the server accepts connections again.
        backAt = performance.now();
        stopAt = Math.max(startedAt + LOAD_MS, Date.now() + 3_000);
      };
      let backAt = Number.NaN;
      await Promise.all([
        faults(),
        ...Array.from({ length: CREATORS }, (_, i) => creator(i)),
        ...Array.from({ length: TOGGLERS }, (_, i) => toggler(i)),
      ]);

      // What the database holds, read straight from it.
      const { db } = database;
      const rows = (await db.query.tasks.findMany()).filter((row) => row.userId === userId);
      const byTitle = new Map<string, number>();
      for (const row of rows) byTitle.set(row.title, (byTitle.get(row.title) ?? 0) + 1);
      const storedIds = new Set(rows.map((row) => row.id));
      const duplicates = [...byTitle].filter(([, n]) => n > 1).map(([title]) => title);
      const lost = acknowledged.filter((task) => !storedIds.has(task.id)).map((task) => task.title);
      const notAlternating = states.filter((seq) => seq.some((s, k) => k > 0 && s === seq[k - 1]));
      const finalMismatch = toggled.filter(
        (task, i) => rows.find((row) => row.id === task.id)?.isCompleted !== states[i]?.at(-1),
      );

      const firstSuccessAfterBack = Math.min(...figures.successesAt.filter((t) => t >= backAt));
      const resumedAfterMs = Math.round(firstSuccessAfterBack - backAt);
      console.info(
        `write faults: ${figures.requests} requests (${figures.retried} retries), ` +
          `${acknowledged.length} creates and ${states.flat().length - TOGGLERS} toggles acknowledged, ` +
          `statuses ${JSON.stringify(Object.fromEntries(figures.statuses))}, ` +
          `longest answer ${Math.round(figures.longestMs)} ms, ` +
          `first success ${resumedAfterMs} ms after the crashed server accepted connections again`,
      );
      expect({
        duplicates,
        lost,
        unansweredCreates: titlesSent.length - acknowledged.length,
        notAlternating: notAlternating.length,
        finalMismatch: finalMismatch.length,
        noAnswer: figures.statuses.get(-1) ?? 0,
        tooSlow: figures.longestMs > LONGEST_ANSWER_MS,
        resumedWithin2s: resumedAfterMs <= 2_000,
        restartsSeen: (figures.statuses.get(503) ?? 0) > 0,
      }).toEqual({
        duplicates: [],
        lost: [],
        unansweredCreates: 0,
        notAlternating: 0,
        finalMismatch: 0,
        noAnswer: 0,
        tooSlow: false,
        resumedWithin2s: true,
        restartsSeen: true,
      });
    },
    TEST_TIMEOUT_MS,
  );
});
