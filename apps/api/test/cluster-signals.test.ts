import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  type Booted,
  boot,
  createServerDatabase,
  JwksServer,
  LISTENING,
  logged,
  type ServerDatabase,
  waitForLogged,
} from "./harness.ts";

/**
 * API_WORKERS=2 on a Postgres server, whichever of its processes is signalled: the primary stops
 * every worker in the same two steps (stop listening, then close connections), exits 0 once both
 * have, and never replaces one.
 */

const jwks = new JwksServer();
let database: ServerDatabase | undefined;

beforeAll(async () => {
  await jwks.start();
  await jwks.addKey();
  database = await createServerDatabase();
});

afterAll(async () => {
  await database?.drop();
  await jwks.close();
});

const env = () => ({
  PORT: "0",
  LOG_LEVEL: "info",
  AUTH_JWKS_URL: jwks.url,
  DATABASE_URL: database?.url ?? "",
  API_WORKERS: "2",
});

const PROCESS_TEST_TIMEOUT_MS = 60_000;

/** The shutdown went as planned, once: both workers stopped, then the primary, and none replaced. */
function expectOneCleanShutdown(api: Booted, reason: string, workers: number[]) {
  expect(logged(api, "shutting down: asking the workers to stop listening")).toMatchObject([
    { reason },
  ]);
  const stopped = logged(api, "shutting down: no new connections");
  expect(stopped.map((line) => line.pid).sort()).toEqual([...workers].sort());
  expect(stopped.map((line) => line.reason)).toEqual(["primary", "primary"]);
  expect(logged(api, "second signal: stopping the workers now")).toEqual([]);
  expect(logged(api, "second signal: exiting now")).toEqual([]);
  expect(logged(api, "worker died: starting another")).toEqual([]);
  expect(logged(api, LISTENING)).toHaveLength(2);
  expect(logged(api, "stopped")).toHaveLength(3);
}

describe("stopping API_WORKERS=2", { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  test("Ctrl-C (SIGINT to the whole process group) is one shutdown: exit 0, no worker replaced", async () => {
    const api = await boot(env(), { processGroup: true });
    const workers = (await waitForLogged(api, LISTENING, 2)).map((line) => Number(line.pid));
    const pid = api.child.pid;
    if (pid === undefined) throw new Error("no pid");
    process.kill(-pid, "SIGINT");
    expect(await api.exited).toBe(0);
    // The primary's own SIGINT, or a worker's, passed on: whichever came first.
    const reason = logged(api, "shutting down: asking the workers to stop listening")[0]?.reason;
    expect(["SIGINT", ...workers.map((worker) => `worker ${worker} signalled`)]).toContain(reason);
    expectOneCleanShutdown(api, String(reason), workers);
  });

  test("SIGTERM sent to one worker stops the whole API the same way: exit 0, no worker replaced", async () => {
    const api = await boot(env());
    const workers = (await waitForLogged(api, LISTENING, 2)).map((line) => Number(line.pid));
    const [first] = workers;
    if (first === undefined) throw new Error("no worker");
    process.kill(first, "SIGTERM");
    expect(await api.exited).toBe(0);
    expectOneCleanShutdown(api, `worker ${first} signalled`, workers);
  });
});
