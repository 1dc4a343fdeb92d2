import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { migrationsFolder } from "../paths";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseHandle = {
  db: Database;
  /** Applies the committed migrations in ./migrations (idempotent). */
  migrate: () => Promise<void>;
  close: () => Promise<void>;
};

/**
 * Own bookkeeping table, so the API's migrations can share a Postgres database with ours
 * without either service mistaking the other's history for its own.
 */
const migrationConfig = {
  migrationsFolder,
  migrationsSchema: "drizzle",
  migrationsTable: "__web_migrations",
};

/** Arbitrary constant naming the web app's migration lock (a pg_advisory_lock key). */
const MIGRATION_LOCK_KEY = 7_302_611_001;

/** Postgres through a URL: one pool per process. */
export function openPostgres(url: string): DatabaseHandle {
  const sql = postgres(url, { max: 10, onnotice: () => {} });
  const db = drizzlePostgres(sql, { schema });
  return {
    db,
    // A second replica starting at the same time waits on the lock, then finds nothing to do.
    async migrate() {
      const lock = await sql.reserve();
      try {
        await lock`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        await migratePostgres(db, migrationConfig);
      } finally {
        await lock`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
        lock.release();
      }
    },
    close: () => sql.end({ timeout: 5 }),
  };
}

/**
 * Embedded PGlite in `${dataDir}/web`, or in memory when `dataDir` is null (tests).
 * PGlite allows one process per directory: it is for a single instance, not for replicas.
 */
export function openPglite(dataDir: string | null): DatabaseHandle {
  let client: PGlite;
  if (dataDir === null) {
    client = new PGlite();
  } else {
    const directory = join(dataDir, "web");
    mkdirSync(directory, { recursive: true });
    client = new PGlite(directory);
  }
  const db = drizzlePglite(client, { schema });
  // One migration at a time, so overlapping calls find the work done instead of redoing it.
  let migrations = Promise.resolve();
  return {
    db,
    migrate() {
      migrations = migrations.catch(() => {}).then(() => migratePglite(db, migrationConfig));
      return migrations;
    },
    close: () => client.close(),
  };
}
