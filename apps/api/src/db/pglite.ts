import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { fromPglite } from "pg-boss";
import { installReminderQueue } from "../reminders/reminder-queue.ts";
import { type Database, MIGRATIONS_FOLDER, SEARCH_SETTINGS } from "./client.ts";
import * as schema from "./schema.ts";

/**
 * The embedded database (no DATABASE_URL): PGlite in this process. client.ts imports this module
 * only when it opens one, and the production build puts it in a chunk of its own, so that a
 * process on a Postgres server never loads PGlite or its Drizzle driver.
 */

/** The extensions the migrations create (search and the label index): every PGlite needs them. */
export const PGLITE_EXTENSIONS = { btree_gin, pg_trgm, unaccent };

export async function openPglite(target: { dataDir?: string }): Promise<Database> {
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  return pgliteDatabase(
    await PGlite.create({
      ...(target.dataDir ? { dataDir: target.dataDir } : {}),
      extensions: PGLITE_EXTENSIONS,
    }),
  );
}

const SEARCH_SETTINGS_SQL = Object.entries(SEARCH_SETTINGS)
  .map(([name, value]) => `set ${name} = ${value};`)
  .join("\n");

const pgliteMigrations = new WeakMap<PGlite, Promise<void>>();

/** Wraps an open PGlite instance (tests start theirs from a dump of a migrated database). */
export function pgliteDatabase(client: PGlite): Database {
  const db = drizzlePglite(client, { schema });
  const jobStore = { db: fromPglite(client), backend: "pglite" as const };
  // The session's settings (db/client.ts's SESSION_SETTINGS for Postgres), queued before any query.
  client.exec(SEARCH_SETTINGS_SQL).catch(() => {});
  return {
    db,
    kind: "pglite",
    jobStore,
    async migrate() {
      // PGlite lives in this process only: no other replica can race us, but two handles on the
      // same instance could, so migrations on one instance run one after the other.
      const run = (pgliteMigrations.get(client) ?? Promise.resolve())
        .catch(() => {})
        .then(() => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }))
        .then(() => installReminderQueue(jobStore));
      pgliteMigrations.set(client, run);
      await run;
    },
    async ping() {
      await db.execute(sql`select 1`);
    },
    async listen(channel, onPayload) {
      // In this process: nothing to lose between NOTIFY and the listener.
      const unlisten = await client.listen(channel, onPayload);
      return { close: unlisten };
    },
    async close() {
      await client.close();
    },
  };
}
