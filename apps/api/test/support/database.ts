import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { inject } from "vitest";
import { type Database, openDatabase } from "../../src/db/client.ts";
import { PGLITE_EXTENSIONS, pgliteDatabase } from "../../src/db/pglite.ts";

export type TestDatabase = {
  database: Database;
  /** The connection URL when on a Postgres server (TEST_DATABASE_URL), else undefined. */
  url: string | undefined;
  /** A second handle on the same database, as another replica would have. */
  openAnother(): Promise<Database>;
  truncate(): Promise<void>;
  close(): Promise<void>;
};

/**
 * A Postgres server for tests of postgres.js itself, whichever database the run uses: the one
 * TEST_DATABASE_URL names, else the server every machine runs at 127.0.0.1:5432.
 */
export function postgresServerUrl(): string {
  return process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
}

export type ServerDatabase = {
  /** Its connection URL, for an API process. */
  url: string;
  /** A client on it, for the test's own checks. */
  sql: postgres.Sql;
  drop(): Promise<void>;
};

/**
 * An empty, uniquely named database on the Postgres server (postgresServerUrl), whatever database
 * the run uses: for what only a server can do, such as several API processes. Dropped by `drop`.
 */
export async function createServerDatabase(): Promise<ServerDatabase> {
  const admin = postgres(postgresServerUrl(), { max: 1, onnotice: () => {} });
  const name = `taskline_api_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(postgresServerUrl());
  url.pathname = `/${name}`;
  const sql = postgres(url.href, { max: 1, onnotice: () => {} });
  return {
    url: url.href,
    sql,
    drop: async () => {
      await sql.end({ timeout: 5 });
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/**
 * In-memory PGlite, or a database of its own on TEST_DATABASE_URL's server (createServerDatabase).
 * Migrated unless `migrated: false`. `onServer`: on a Postgres server whatever the run uses
 * (postgresServerUrl), for tests of what only a server has (several connections at once).
 */
export async function createTestDatabase({
  migrated = true,
  onServer = false,
  poolSize = 4,
} = {}): Promise<TestDatabase> {
  if (!onServer && !process.env.TEST_DATABASE_URL) {
    // A dump of a migrated database, made once per run by test/global-setup.ts.
    const client = migrated
      ? await PGlite.create({
          loadDataDir: new Blob([readFileSync(inject("pgliteTemplate"))]),
          extensions: PGLITE_EXTENSIONS,
        })
      : await PGlite.create({ extensions: PGLITE_EXTENSIONS });
    const database = pgliteDatabase(client);
    return {
      database,
      url: undefined,
      openAnother: async () => pgliteDatabase(client),
      truncate: () => truncate(database),
      close: () => database.close(),
    };
  }
  const server = await createServerDatabase();
  const open = () => openDatabase({ kind: "postgres", url: server.url, poolSize });
  const database = await open();
  if (migrated) await database.migrate();
  const others: Database[] = [];
  return {
    database,
    url: server.url,
    openAnother: async () => {
      const other = await open();
      others.push(other);
      return other;
    },
    truncate: () => truncate(database),
    close: async () => {
      await Promise.all([database, ...others].map((db) => db.close()));
      await server.drop();
    },
  };
}

async function truncate(database: Database) {
  await database.db.execute(
    sql`truncate tasks, trashed_tasks, idempotency_keys, deleted_users, push_subscriptions`,
  );
  await database.db.execute(sql`delete from pgboss.job`);
}
