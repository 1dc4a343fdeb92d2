import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/harness.ts";
import { MIGRATIONS_FOLDER } from "./client.ts";

const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"));
const MIGRATION_COUNT = (journal.entries as unknown[]).length;

const opened: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
});

async function fresh(migrated: boolean) {
  const db = await createTestDatabase({ migrated });
  opened.push(db);
  return db;
}

/** The rows of a raw query, whichever driver (PGlite returns {rows}, postgres.js an array). */
async function rows(db: TestDatabase, query: ReturnType<typeof sql>) {
  const result = (await db.database.db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<
    string,
    unknown
  >[];
}

describe("migrations", () => {
  test("two replicas migrating an empty database at once both succeed, each migration applied once", async () => {
    const db = await fresh(false);
    const other = await db.openAnother();
    await Promise.all([db.database.migrate(), other.migrate()]);
    expect(
      await rows(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
    ).toEqual([{ n: MIGRATION_COUNT }]);
    await db.database.migrate();
    expect(
      await rows(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
    ).toEqual([{ n: MIGRATION_COUNT }]);
  });

  test("the list query's index: (user_id, created_at desc, id desc)", async () => {
    const db = await fresh(true);
    expect(
      await rows(
        db,
        sql`select indexdef from pg_indexes where tablename = 'tasks' and indexname = 'tasks_user_created_id_idx'`,
      ),
    ).toEqual([
      {
        indexdef:
          "CREATE INDEX tasks_user_created_id_idx ON public.tasks USING btree (user_id, created_at DESC, id DESC)",
      },
    ]);
  });

  test("the database itself refuses an empty title or an oversized description", async () => {
    const db = await fresh(true);
    await expect(
      db.database.db.execute(sql`insert into tasks (user_id, title) values ('u', '')`),
    ).rejects.toThrow();
    await expect(
      db.database.db.execute(
        sql`insert into tasks (user_id, title, description) values ('u', 't', ${"d".repeat(10_001)})`,
      ),
    ).rejects.toThrow();
    expect(await rows(db, sql`select count(*)::int as n from tasks`)).toEqual([{ n: 0 }]);
  });

  test("timestamps are stored at millisecond precision", async () => {
    const db = await fresh(true);
    await db.database.db.execute(
      sql`insert into tasks (user_id, title, created_at) values ('u', 't', '2026-11-23T10:00:00.123456Z')`,
    );
    expect(
      await rows(
        db,
        sql`select to_char(created_at at time zone 'UTC', 'HH24:MI:SS.US') as t from tasks`,
      ),
    ).toEqual([{ t: "10:00:00.123000" }]);
  });
});

describe("sessions", () => {
  test("a Postgres session plans each prepared statement once (PGlite keeps its default)", async () => {
    const db = await fresh(true);
    expect(await rows(db, sql`select current_setting('plan_cache_mode') as mode`)).toEqual([
      { mode: db.database.kind === "postgres" ? "force_generic_plan" : "auto" },
    ]);
  });
});
