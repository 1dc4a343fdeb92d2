import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { perDatabase } from "../db/per-database.ts";
import { tasks } from "../db/schema.ts";

/**
 * The fixed-shape task reads, prepared once per database handle: Drizzle builds each SQL text once
 * instead of on every call, and Postgres parses and plans it once per connection (postgres.js
 * names and caches it). `find` filters by the owner; `exists` is only used after an
 * owner-filtered statement found nothing (routes/tasks/ownership.ts).
 */

const userId = sql.placeholder("userId");
const id = sql.placeholder("id");

/** Strictly later than the previous value, even for two changes within one millisecond. */
export const touched = sql`greatest(now(), ${tasks.updatedAt} + interval '1 millisecond')`;

function prepareAll(db: Db) {
  return {
    find: db
      .select()
      .from(tasks)
      .where(and(eq(tasks.id, id), eq(tasks.userId, userId)))
      .prepare("find_task"),
    exists: db.select({ id: tasks.id }).from(tasks).where(eq(tasks.id, id)).prepare("task_exists"),
  };
}

/** This database handle's statements, prepared on first use. */
export const statements = perDatabase(prepareAll);
