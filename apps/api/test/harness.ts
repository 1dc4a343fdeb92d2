import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach } from "vitest";
import webpush from "web-push";
import { createApp } from "../src/app.ts";
import type { Database } from "../src/db/client.ts";
import { tasks, trashedTasks } from "../src/db/schema.ts";
import { parseEnv } from "../src/env.ts";
import { createEventHub } from "../src/events/event-hub.ts";
import { DEFAULT_JWKS_TIMINGS, type JwksTimings } from "../src/lib/jwks-key-source.ts";
import { createVerifier } from "../src/lib/jwt.ts";
import { createLogger } from "../src/lib/logger.ts";
import { createRateLimits } from "../src/lib/rate-limits.ts";
import type { TaskJson } from "../src/routes/tasks/schema.ts";
import { listen, type RunningServer } from "../src/server.ts";
import { toTaskJson } from "../src/tasks/task-json.ts";
import { createTestDatabase, type TestDatabase } from "./support/database.ts";
import { Client, type TestUser } from "./support/http.ts";
import { jobs } from "./support/jobs.ts";
import { JwksServer } from "./support/jwks-server.ts";
import {
  AUDIENCE,
  ISSUER,
  randomId,
  type SigningKey,
  signHs256Token,
  signToken,
  type TokenOptions,
} from "./support/tokens.ts";

/**
 * Real everything: Ed25519 keys made with jose, their JWKS served over a real local HTTP server,
 * real signed tokens, the real app listening on an ephemeral port, requests over HTTP with fetch,
 * and a real database (in-memory PGlite, or a throwaway database on TEST_DATABASE_URL).
 * The pieces live in ./support; tests import everything from here.
 */

export * from "./support/database.ts";
export * from "./support/http.ts";
export * from "./support/jwks-server.ts";
export * from "./support/load.ts";
export * from "./support/process.ts";
export * from "./support/tokens.ts";
export type { TaskJson };

export type AppOptions = {
  /** Environment variables on top of the test defaults (JWKS URL, issuer, audience, …). */
  env?: Record<string, string | undefined>;
  timings?: Partial<JwksTimings>;
  /** On a Postgres server even when the run uses PGlite (createTestDatabase's `onServer`). */
  onServer?: boolean;
  /** Prefix of the rate-limit keys in Redis (with REDIS_URL): one per test, to share or not. */
  rateLimitKeyPrefix?: string;
  /** How often event streams send their heartbeat (default: the production 25 s). */
  heartbeatMs?: number;
  /** The most event streams the app holds (default: the production 10,000). */
  maxStreams?: number;
  /** How far behind an event stream may fall (default: the production 1,000 events). */
  maxQueued?: number;
};

export type RunningApp = {
  url: string;
  /** Lines logged by this app (JSON strings). */
  logs: string[];
  /** How many JWKS fetches this app's verifier started. */
  jwksFetches(): number;
  client(token?: string): Client;
  close(): Promise<void>;
};

/** This test process's VAPID key pair (development would otherwise write one under .data/). */
export const TEST_VAPID = webpush.generateVAPIDKeys();

export async function startApp(
  database: Database,
  jwksUrl: string,
  options: AppOptions = {},
): Promise<RunningApp> {
  const config = parseEnv({
    APP_ENV: "development",
    LOG_LEVEL: "info",
    AUTH_JWKS_URL: jwksUrl,
    AUTH_ISSUER: ISSUER,
    AUTH_AUDIENCE: AUDIENCE,
    CORS_ORIGINS: "http://localhost:3000",
    VAPID_PUBLIC_KEY: TEST_VAPID.publicKey,
    VAPID_PRIVATE_KEY: TEST_VAPID.privateKey,
    VAPID_SUBJECT: "mailto:tests@example.com",
    ...options.env,
  });
  const logs: string[] = [];
  const logger = createLogger(config.logLevel, { write: (line: string) => void logs.push(line) });
  const verifier = createVerifier(config.auth, { ...DEFAULT_JWKS_TIMINGS, ...options.timings });
  const rateLimits = await createRateLimits({
    ...config.rateLimits,
    redisUrl: config.redisUrl,
    keyPrefix: options.rateLimitKeyPrefix,
    logger,
  });
  const events = createEventHub(database, logger, {
    heartbeatMs: options.heartbeatMs,
    maxStreams: options.maxStreams,
    maxQueued: options.maxQueued,
  });
  const app = createApp({ config, database, verifier, logger, rateLimits, events });
  const server: RunningServer = await listen(app, 0, "127.0.0.1");
  return {
    url: server.url,
    logs,
    jwksFetches: () => verifier.keySource?.fetchCount ?? 0,
    client: (token) => new Client(server.url, token),
    close: async () => {
      await events.close();
      await server.close(1_000);
      await rateLimits.close();
    },
  };
}

/**
 * One per test file: a database, a JWKS server with one Ed25519 key, and the app listening on an
 * ephemeral port. Tables are truncated before each test. Use the getters inside tests/hooks.
 */
export class TestApi {
  readonly jwks = new JwksServer();
  #db: TestDatabase | undefined;
  #app: RunningApp | undefined;
  #key: SigningKey | undefined;
  readonly #options: AppOptions;
  readonly #extraApps: RunningApp[] = [];

  constructor(options: AppOptions = {}) {
    this.#options = options;
  }

  get database() {
    if (!this.#db) throw new Error("TestApi not started");
    return this.#db.database;
  }

  get app() {
    if (!this.#app) throw new Error("TestApi not started");
    return this.#app;
  }

  /** The JWKS's first key: the one user tokens are signed with. */
  get key() {
    if (!this.#key) throw new Error("TestApi not started");
    return this.#key;
  }

  /** A client without credentials. */
  get anonymous() {
    return this.app.client();
  }

  async start() {
    await this.jwks.start();
    this.#key = await this.jwks.addKey();
    this.#db = await createTestDatabase({ onServer: this.#options.onServer ?? false });
    this.#app = await startApp(this.#db.database, this.jwks.url, this.#options);
  }

  /** A valid token for this user id: EdDSA with the JWKS key, or HS256 in hs256 mode. */
  tokenFor(id: string, options: TokenOptions = {}) {
    const secret =
      this.#options.env?.JWT_MODE === "hs256" ? this.#options.env.JWT_SECRET : undefined;
    return secret === undefined
      ? signToken(this.key, id, options)
      : signHs256Token(secret, id, options);
  }

  /** A new user with a fresh id and a valid token. */
  async user(name = "user"): Promise<TestUser> {
    const id = randomId(name);
    const client = this.app.client(await this.tokenFor(id));
    return Object.assign(client, { id });
  }

  /** A client whose Authorization header carries this token. */
  withToken(token: string) {
    return this.app.client(token);
  }

  /** Another app on the same database (e.g. other JWKS timings or JWT mode); closed at the end. */
  async startApp(options: AppOptions = {}, jwksUrl = this.jwks.url) {
    const app = await startApp(this.database, jwksUrl, options);
    this.#extraApps.push(app);
    return app;
  }

  /** The task as stored, straight from the database (to prove refused writes changed nothing). */
  async storedTask(id: string): Promise<TaskJson | undefined> {
    const [row] = await this.database.db.select().from(tasks).where(eq(tasks.id, id));
    return row && toTaskJson(row);
  }

  /** The task as the trash holds it, straight from the database (however old). */
  async storedTrashedTask(id: string): Promise<TaskJson | undefined> {
    const [row] = await this.database.db.select().from(trashedTasks).where(eq(trashedTasks.id, id));
    return row && toTaskJson(row);
  }

  /** The reminder queue's jobs of the task that are waiting (pg-boss's `created` state). */
  async reminderJobs(taskId: string) {
    const rows = await this.database.db
      .select({ id: jobs.id, startAfter: jobs.startAfter, data: jobs.data })
      .from(jobs)
      .where(
        and(
          eq(jobs.name, "reminders"),
          eq(jobs.state, "created"),
          sql`${jobs.data}->>'task_id' = ${taskId}`,
        ),
      )
      .orderBy(jobs.startAfter);
    return rows.map((row) => ({ ...row, startAfter: row.startAfter.toISOString() }));
  }

  /** Moves the trashed task's deletion `days` days into the past (the 30-day rule). */
  async ageTrashedTask(id: string, days: number) {
    await this.database.db
      .update(trashedTasks)
      .set({ deletedAt: sql`now() - make_interval(days => ${days}::int)` })
      .where(eq(trashedTasks.id, id));
  }

  async reset() {
    this.jwks.state = "up";
    await this.#db?.truncate();
  }

  /** The test database's URL on a Postgres server, else undefined (PGlite). */
  get databaseUrl() {
    return this.#db?.url;
  }

  async stop() {
    await Promise.all([this.#app, ...this.#extraApps].map((app) => app?.close()));
    await this.#db?.close();
    await this.jwks.close();
  }
}

/** Registers the per-file lifecycle: start before all tests, truncate before each, stop after. */
export function setupTestApi(options: AppOptions = {}) {
  const api = new TestApi(options);
  beforeAll(() => api.start());
  beforeEach(() => api.reset());
  afterAll(() => api.stop());
  return api;
}

/** Creates a task for the user and returns its JSON (asserting the 201). */
export async function createTask(
  user: Client,
  body: Record<string, unknown> = { title: "A task" },
) {
  const response = await user.post("/api/tasks", body);
  if (response.status !== 201) {
    throw new Error(`creating a task failed: ${response.status} ${response.text}`);
  }
  return response.body as TaskJson;
}

/** Creates a task for the user and deletes it (asserting the 204); its JSON as created. */
export async function trashTask(user: Client, body?: Record<string, unknown>) {
  const task = await createTask(user, body);
  const response = await user.delete(`/api/tasks/${task.id}`);
  if (response.status !== 204) {
    throw new Error(`deleting a task failed: ${response.status} ${response.text}`);
  }
  return task;
}

/** The organising fields of a task created with none of them. */
export const UNORGANIZED = {
  priority: "none",
  due_date: null,
  due_time: null,
  time_zone: null,
  due_at: null,
  labels: [],
  recurrence: null,
  recurrence_from: "due",
  series_id: null,
  next_occurrence_id: null,
  reminders: [],
} as const satisfies Partial<TaskJson>;
