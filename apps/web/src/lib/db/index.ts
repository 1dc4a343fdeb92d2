import type { Env } from "../env";
import { type DatabaseHandle, openPglite, openPostgres } from "./client";

export type { Database, DatabaseHandle } from "./client";

/** Opens the configured database (Postgres when DATABASE_URL is set) and migrates it. */
export async function openDatabase(env: Env): Promise<DatabaseHandle> {
  const handle = env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openPglite(env.DATA_DIR);
  await handle.migrate();
  return handle;
}
