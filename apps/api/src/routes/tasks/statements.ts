import { and, count, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { tasks } from "../../db/schema.ts";
import type { TaskStatus } from "./schema.ts";

/**
 * The fixed-shape task statements, prepared once per database handle: Drizzle builds each SQL
 * text once instead of on every call, and Postgres parses and plans it once per connection
 * (postgres.js names and caches it). Values are placeholders filled per call. Every statement
 * that reads or writes a task filters by its owner, except `exists`, which queries.ts only uses
 * after an owner-filtered statement found nothing.
 */

const userId = sql.placeholder("userId");
const id = sql.placeholder("id");

const ownedBy = (status: TaskStatus): SQL | undefined =>
  status === "all"
    ? eq(tasks.userId, userId)
    : and(eq(tasks.userId, userId), eq(tasks.isCompleted, status === "completed"));

/** Strictly later than the previous value, even for two changes within one millisecond. */
export const touched = sql`greatest(now(), ${tasks.updatedAt} + interval '1 millisecond')`;

const STATUSES = ["all", "pending", "completed"] as const satisfies TaskStatus[];

function prepareAll(db: Db) {
  const list = (status: TaskStatus, afterCursor: boolean) =>
    db
      .select()
      .from(tasks)
      .where(
        and(
          ownedBy(status),
          afterCursor
            ? sql`(${tasks.createdAt}, ${tasks.id}) < (${sql.placeholder("afterCreatedAt")}::timestamptz, ${sql.placeholder("afterId")}::uuid)`
            : undefined,
        ),
      )
      .orderBy(desc(tasks.createdAt), desc(tasks.id))
      .limit(sql.placeholder("limit"))
      .prepare(`list_tasks_${status}${afterCursor ? "_after" : ""}`);
  const byStatus = <T>(make: (status: TaskStatus) => T) =>
    Object.fromEntries(STATUSES.map((status) => [status, make(status)])) as Record<TaskStatus, T>;
  const owned = and(eq(tasks.id, id), ownedBy("all"));

  return {
    list: byStatus((status) => ({ first: list(status, false), after: list(status, true) })),
    count: byStatus((status) =>
      db
        .select({ total: count() })
        .from(tasks)
        .where(ownedBy(status))
        .prepare(`count_tasks_${status}`),
    ),
    find: db.select().from(tasks).where(owned).prepare("find_task"),
    exists: db.select({ id: tasks.id }).from(tasks).where(eq(tasks.id, id)).prepare("task_exists"),
    delete: db.delete(tasks).where(owned).returning({ id: tasks.id }).prepare("delete_task"),
  };
}

const prepared = new WeakMap<Db, ReturnType<typeof prepareAll>>();

/** This database handle's statements, prepared on first use. */
export function statements(db: Db): ReturnType<typeof prepareAll> {
  let found = prepared.get(db);
  if (!found) {
    found = prepareAll(db);
    prepared.set(db, found);
  }
  return found;
}
