import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { workerCount } from "../src/cluster.ts";
import { parseEnv } from "../src/env.ts";
import {
  boot,
  Client,
  createTestDatabase,
  JwksServer,
  LISTENING,
  logged,
  signToken,
  type TestDatabase,
  waitForLogged,
} from "./harness.ts";

/**
 * The real entry point (src/index.ts) in its own Node process: configuration, database,
 * migrations, HTTP, and a clean exit on SIGTERM/SIGINT.
 */

const ENTRY = new URL("../src/index.ts", import.meta.url).pathname;

const jwks = new JwksServer();
let database: TestDatabase | undefined;
const dataDir = mkdtempSync(join(tmpdir(), "taskline-api-boot-"));

beforeAll(async () => {
  await jwks.start();
  await jwks.addKey();
  if (process.env.TEST_DATABASE_URL) database = await createTestDatabase({ migrated: false });
});

afterAll(async () => {
  await database?.close();
  await jwks.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const baseEnv = () => ({
  PORT: "0",
  LOG_LEVEL: "info",
  AUTH_JWKS_URL: jwks.url,
  ...(database?.url ? { DATABASE_URL: database.url } : { DATA_DIR: dataDir }),
});

// These tests start, restart and signal real processes: slow on a loaded 2-core machine.
const PROCESS_TEST_TIMEOUT_MS = 60_000;

describe("node src/index.ts", { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  test("migrates, serves, keeps data across restarts, and stops cleanly on SIGTERM and SIGINT", async () => {
    const key = jwks.keys[0];
    if (!key) throw new Error("no key");
    const user = "user_boot";
    const token = await signToken(key, user);

    const first = await boot(baseEnv());
    const client = new Client(first.url, token);
    expect((await client.get("/ready")).status).toBe(200);
    expect((await client.get("/docs")).status).toBe(200);
    const created = await client.post("/api/tasks", { title: "Survives a restart" });
    expect(created.status).toBe(201);
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('"msg":"stopped"');
    if (!database) expect(existsSync(join(dataDir, "api"))).toBe(true);

    const second = await boot(baseEnv());
    const again = new Client(second.url, token);
    expect((await again.get("/api/tasks")).body).toEqual([created.body]);
    second.child.kill("SIGINT");
    expect(await second.exited).toBe(0);
  });

  test("refuses to start on a bad configuration, naming every problem", async () => {
    const child = spawn(process.execPath, [ENTRY], {
      env: { PATH: process.env.PATH ?? "", JWT_MODE: "hs256", PORT: "http" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toBe(
      "Taskline API cannot start. Invalid configuration:\n" +
        '  - PORT: must be a whole number from 0 to 65535 (got "http")\n' +
        "  - JWT_SECRET: is required when JWT_MODE=hs256 (at least 32 bytes; the same value as the web app's BETTER_AUTH_SECRET)\n",
    );
  });
});

describe("HTTP workers (API_WORKERS)", { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  test("API_WORKERS=2: two processes share the port, a dead one is replaced, SIGTERM stops all; refused on PGlite", async () => {
    const env = { ...baseEnv(), API_WORKERS: "2" };
    if (!database) {
      const refused = await boot(env).catch((error: Error) => error.message);
      expect(refused).toBe(
        "exited with 1 before listening:\nTaskline API cannot start. Invalid configuration:\n" +
          "  - API_WORKERS: more than one worker needs DATABASE_URL (the embedded PGlite database is single-process)\n",
      );
      return;
    }
    const api = await boot(env);
    const started = await waitForLogged(api, LISTENING, 2);
    const [first, second] = started.map((line) => line.pid as number);
    expect(new Set([first, second, api.child.pid]).size).toBe(3);
    expect(started[1]?.url).toBe(api.url);
    const key = jwks.keys[0];
    if (!key || !first) throw new Error("no key or worker");
    const client = new Client(api.url, await signToken(key, "user_workers"));
    expect((await client.post("/api/tasks", { title: "Served by a worker" })).status).toBe(201);

    process.kill(first, "SIGKILL");
    const replacement = (await waitForLogged(api, LISTENING, 3))[2]?.pid;
    expect([first, second, undefined]).not.toContain(replacement);
    expect(logged(api, "worker died: starting another")).toMatchObject([
      { pid: first, signal: "SIGKILL" },
    ]);
    const lists = await Promise.all([1, 2, 3, 4].map(() => client.get("/api/tasks")));
    expect(lists.map((list) => (list.body as unknown[]).length)).toEqual([1, 1, 1, 1]);

    api.child.kill("SIGTERM");
    expect(await api.exited).toBe(0);
    // Both workers, then the primary.
    expect(await waitForLogged(api, "stopped", 3)).toHaveLength(3);
  });

  test("API_WORKERS unset: workerCount's choice with a Postgres server, a single process on PGlite", async () => {
    const env = baseEnv();
    const api = await boot(env);
    // One per core, less one when the server is on this machine (cluster.test.ts covers the rule).
    const expected = workerCount(parseEnv(env));
    expect(logged(api, "configuration")).toMatchObject([{ workers: expected }]);
    const started = await waitForLogged(api, LISTENING, expected);
    const servedBy = new Set(started.map((line) => line.pid));
    expect(servedBy.has(api.child.pid)).toBe(expected === 1);
    api.child.kill("SIGINT");
    expect(await api.exited).toBe(0);
    expect(await waitForLogged(api, "stopped", expected === 1 ? 1 : expected + 1)).toHaveLength(
      expected === 1 ? 1 : expected + 1,
    );
  });
});
