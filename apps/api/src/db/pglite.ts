import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { type Database, MIGRATIONS_FOLDER } from "./client.ts";
import * as schema from "./schema.ts";

/**
 * The embedded database (no DATABASE_URL): PGlite in this process. client.ts imports this module
 * only when it opens one, and the production build puts it in a chunk of its own, so that a
 * process on a Postgres server never loads PGlite or its Drizzle driver.
 */

export async function openPglite(target: { dataDir?: string }): Promise<Database> {
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  return pgliteDatabase(await PGlite.create(target.dataDir));
}

const pgliteMigrations = new WeakMap<PGlite, Promise<void>>();

/** Wraps an open PGlite instance (tests start theirs from a dump of a migrated database). */
export function pgliteDatabase(client: PGlite): Database {
  const db = drizzlePglite(client, { schema });
  return {
    db,
    kind: "pglite",
    async migrate() {
      // PGlite lives in this process only: no other replica can race us, but two handles on the
      // same instance could, so migrations on one instance run one after the other.
      const run = (pgliteMigrations.get(client) ?? Promise.resolve())
        .catch(() => {})
        .then(() => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }));
      pgliteMigrations.set(client, run);
      await run;
    },
    async ping() {
      await db.execute(sql`select 1`);
    },
    async close() {
      await client.close();
    },
  };
}
