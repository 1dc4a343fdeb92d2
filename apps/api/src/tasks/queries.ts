import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { type TaskRow, tasks } from "../db/schema.ts";
import { statements, touched } from "./statements.ts";

/**
 * Every task query is a plain `(db, params)` function, and every one that reads or writes a task
 * filters by its owner. The only exception, `taskExists`, returns a boolean and is used after an
 * owner-filtered query found nothing, to choose between 403 and 404. Each write is one statement
 * of its own request: nothing is retried or shared with other requests, so an answered write is
 * exactly what was committed. `db` may be a transaction (lib/idempotency.ts).
 *
 * `versions` is a write's If-Match condition (lib/etag.ts): undefined for none, else the
 * `updated_at` values the task may have; a write whose condition fails changes nothing and
 * resolves to undefined, like one on a task the caller does not have.
 */

export async function findTask(db: Db, params: { userId: string; id: string }) {
  const [row] = await statements(db).find.execute(params);
  return row;
}

export async function taskExists(db: Db, params: { id: string }) {
  const [row] = await statements(db).exists.execute(params);
  return row !== undefined;
}

export type NewTask = {
  userId: string;
  title: string;
  description: string | null;
  /** The most tasks the user may hold: at that many, nothing is inserted. */
  quota: number;
};

/**
 * The new task, or undefined when the user already holds `quota` tasks. The count stops at the
 * quota, so it costs at most that many index entries, and only for a user near it. Concurrent
 * creates of one user may each see room for one more: the quota can be passed by as many
 * creates as were in flight together.
 */
export async function insertTask(db: Db, params: NewTask): Promise<TaskRow | undefined> {
  const { userId, title, description, quota } = params;
  const [row] = await db
    .insert(tasks)
    .select(
      sql`select gen_random_uuid(), ${userId}, ${title}, ${description}, false, now(), now()
        where (select count(*) from (select 1 from ${tasks} where ${tasks.userId} = ${userId}
          limit ${quota}) as held) < ${quota}`,
    )
    .returning();
  return row;
}

export type TaskChanges = {
  title?: string;
  description?: string | null;
  /** `"flip"`: the opposite of what it is when the statement runs. */
  isCompleted?: boolean | "flip";
};

const completion = (value: boolean | "flip"): boolean | SQL =>
  value === "flip" ? sql`not ${tasks.isCompleted}` : value;

/** Applies the given fields (undefined = unchanged) when the caller has the task in a version named. */
export async function updateTask(
  db: Db,
  params: { userId: string; id: string; changes: TaskChanges; versions?: Date[] | undefined },
): Promise<TaskRow | undefined> {
  const { title, description, isCompleted } = params.changes;
  const [row] = await db
    .update(tasks)
    .set({
      ...(title === undefined ? {} : { title }),
      ...(description === undefined ? {} : { description }),
      ...(isCompleted === undefined ? {} : { isCompleted: completion(isCompleted) }),
      updatedAt: touched,
    })
    .where(owned(params))
    .returning();
  return row;
}

/** True when the caller's task (in a version named) was deleted. */
export async function deleteTask(
  db: Db,
  params: { userId: string; id: string; versions?: Date[] | undefined },
): Promise<boolean> {
  const rows = await db.delete(tasks).where(owned(params)).returning({ id: tasks.id });
  return rows.length > 0;
}

function owned(params: { userId: string; id: string; versions?: Date[] | undefined }) {
  const { versions } = params;
  return and(
    eq(tasks.id, params.id),
    eq(tasks.userId, params.userId),
    versions === undefined
      ? undefined
      : versions.length === 0
        ? sql`false`
        : inArray(tasks.updatedAt, versions),
  );
}
