import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { installReminderQueue, type JobStore } from "../reminders/reminder-queue.ts";
import { hookedClient } from "./hooked-client.ts";
import * as schema from "./schema.ts";

/** The Drizzle handle every query function takes; the same type for Postgres and PGlite. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseTarget =
  | {
      kind: "postgres";
      url: string;
      poolSize?: number | undefined;
      /** Longest a statement may run (Postgres' statement_timeout); default statementTimeoutFor(…). */
      statementTimeoutMs?: number | undefined;
    }
  /** `dataDir` undefined: in memory (tests). */
  | { kind: "pglite"; dataDir?: string };

export type Listening = { close(): Promise<void> };

export type Database = {
  db: Db;
  kind: DatabaseTarget["kind"];
  /** How the job queue (pg-boss) reaches this database. */
  jobStore: JobStore;
  /**
   * Applies the committed migrations and installs the job queue; safe when several replicas
   * start at once.
   */
  migrate(): Promise<void>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /**
   * LISTEN on a channel, on a connection of its own (re-established after a loss: `onReconnect`
   * then says notifications may have been missed). Resolves once listening.
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onReconnect: () => void,
  ): Promise<Listening>;
  close(): Promise<void>;
};

/**
 * `apps/api/migrations`: the nearest `migrations/` folder above this module, which is
 * src/db/client.ts in development and the bundled dist/index.js in production.
 */
export const MIGRATIONS_FOLDER = findUp("migrations", dirname(fileURLToPath(import.meta.url)));

function findUp(name: string, from: string): string {
  const candidate = join(from, name);
  const parent = dirname(from);
  return existsSync(candidate) || parent === from ? candidate : findUp(name, parent);
}

/** Held (per session) while migrating, so concurrent start-ups apply migrations one at a time. */
const MIGRATION_LOCK_KEY = 7_252_022_118;

/** DATABASE_URL → that Postgres server; unset → embedded PGlite in `${DATA_DIR}/api`. */
export function databaseTarget(config: {
  databaseUrl: string | undefined;
  dataDir: string;
  databasePoolSize?: number | undefined;
  requestTimeoutMs?: number | undefined;
}): DatabaseTarget {
  return config.databaseUrl
    ? {
        kind: "postgres",
        url: config.databaseUrl,
        poolSize: config.databasePoolSize,
        statementTimeoutMs:
          config.requestTimeoutMs === undefined
            ? undefined
            : statementTimeoutFor(config.requestTimeoutMs),
      }
    : { kind: "pglite", dataDir: join(config.dataDir, "api") };
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === "postgres"
    ? openPostgres(target)
    : (await import("./pglite.ts")).openPglite(target); // on demand: see db/pglite.ts
}

/** The job queue's own connections per process (pg-boss; besides DATABASE_POOL_SIZE). */
const JOB_POOL_SIZE = 2;

/** Connections per process when DATABASE_POOL_SIZE is unset. */
export const DEFAULT_POOL_SIZE = 10;

/**
 * postgres.js sends a query to a busy connection behind others (pipelining) once every connection
 * is busy; a query then waits for whatever is ahead of it on that connection, however long. With
 * one query per connection at a time, queries wait in one queue for the first free connection:
 * under load the slowest answers came ~5× sooner in the benchmark (p99 40–240 → ~30 ms).
 * `max_pipeline` is a postgres.js option its type definitions do not list.
 */
const ONE_QUERY_AT_A_TIME = { max_pipeline: 1 } as object;

/**
 * How alike a search and a word of a task must be (pg_trgm's `<%`, 0 to 1) for the task to match
 * despite a typo: at 0.5 "grocries" finds "Buy groceries" (0.58), which the default 0.6 misses.
 */
export const SEARCH_SETTINGS = { "pg_trgm.word_similarity_threshold": 0.5 } as const;

/**
 * The API's sessions:
 * - every statement it prepares is planned once per connection and the plan reused: each is a
 *   lookup by key, for which the generic plan is the plan (re-planning the list statement on each
 *   run cost more than running it);
 * - no JIT: past ~340,000 rows of one user the list's generic plan crossed JIT's cost threshold
 *   and compiling it made each page ~16× dearer (3,860 → 236 pages/s);
 * - a session left idle inside a transaction (its process died mid-write) is ended, releasing its
 *   locks.
 */
export const SESSION_SETTINGS = {
  plan_cache_mode: "force_generic_plan",
  jit: "off",
  idle_in_transaction_session_timeout: 5_000,
  ...SEARCH_SETTINGS,
} as const;

/** The default request deadline (REQUEST_TIMEOUT_MS). */
export const REQUEST_TIMEOUT_MS = 1_000;

/**
 * How long a statement may run for a request with this deadline: half of it. A
 * statement still running at the deadline has then ended, one way or the other, within this much
 * more, and the request answers with what really happened (middleware/deadline.ts).
 */
export const statementTimeoutFor = (requestTimeoutMs: number) =>
  Math.max(1, Math.round(requestTimeoutMs / 2));

/**
 * Reconnecting after a lost connection: postgres.js's default backoff grows to ~20 s, while
 * which queries wait; here a few tries within the first second, then one every half second.
 */
const reconnectDelaySeconds = (retries: number) => Math.min(0.02 * 2 ** retries, 0.5);

function openPostgres(target: Extract<DatabaseTarget, { kind: "postgres" }>): Database {
  const {
    url,
    poolSize = DEFAULT_POOL_SIZE,
    statementTimeoutMs = statementTimeoutFor(REQUEST_TIMEOUT_MS),
  } = target;
  const client = postgres(url, {
    max: poolSize,
    ...ONE_QUERY_AT_A_TIME,
    connection: { ...SESSION_SETTINGS, statement_timeout: statementTimeoutMs },
    connect_timeout: 2,
    backoff: reconnectDelaySeconds,
    onnotice: () => {},
  });
  const db = drizzlePostgres(hookedClient(client), { schema });
  const jobStore = { connectionString: url, max: JOB_POOL_SIZE };
  return {
    db,
    kind: "postgres",
    jobStore,
    async migrate() {
      // One dedicated connection: the advisory lock belongs to the session that takes it.
      const session = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await session`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        await migratePostgres(drizzlePostgres(session), { migrationsFolder: MIGRATIONS_FOLDER });
        await session`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
      } finally {
        await session.end({ timeout: 5 });
      }
      await installReminderQueue(jobStore);
    },
    async ping() {
      await db.execute(sql`select 1`);
    },
    async listen(channel, onPayload, onReconnect) {
      let first = true;
      const request = await client.listen(channel, onPayload, () => {
        if (!first) onReconnect();
        first = false;
      });
      return { close: () => request.unlisten() };
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}

/** The rows of `db.execute(…)`: postgres.js resolves with them, PGlite with `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}

/** Connection-level failures (network, closed pool, server shutting down), not query errors. */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
  "3D000", // invalid_catalog_name: the database does not exist
]);

/** A statement ended by statement_timeout, or withdrawn at its request's deadline. */
export const isQueryCanceled = (error: unknown): boolean =>
  causesOf(error).some((e) => codeOf(e) === "57014");

/** True when a query failed because the database cannot be reached (→ 503, not 500). */
export function isDatabaseUnavailable(error: unknown): boolean {
  return causesOf(error).some((e) => {
    const code = codeOf(e);
    return UNAVAILABLE_CODES.has(code) || code.startsWith("08") || e.message === "PGlite is closed";
  });
}

/** `error` and its causes (Drizzle wraps the driver's error). */
function causesOf(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let e = error; e instanceof Error && chain.length < 5; e = e.cause) chain.push(e);
  return chain;
}

const codeOf = (error: Error) =>
  "code" in error && typeof error.code === "string" ? error.code : "";
