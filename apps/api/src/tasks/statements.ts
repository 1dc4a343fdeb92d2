import { and, eq, getTableColumns, isNull, type Placeholder, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { accountOpen } from "../accounts/deleted-users.ts";
import type { Db } from "../db/client.ts";
import { perDatabase } from "../db/per-database.ts";
import { tasks, trashedTasks } from "../db/schema.ts";

/**
 * The fixed-shape task statements, prepared once per database handle: Drizzle builds each SQL
 * text once instead of on every call (with the garbage that makes, a large share of a request's
 * CPU), and Postgres parses and plans it once per connection (postgres.js names and caches it).
 * Each filters by the owner, except `exists`, only used after an owner-filtered statement found
 * nothing (routes/tasks/ownership.ts).
 */

const userId = sql.placeholder("userId");
const id = sql.placeholder("id");

/** Strictly later than `updatedAt`'s value, even for two changes within one millisecond. */
export const touchedOf = (updatedAt: AnyPgColumn) =>
  sql`greatest(now(), ${updatedAt} + interval '1 millisecond')`;

/** A task's new `updated_at` on a change. */
export const touched = touchedOf(tasks.updatedAt);

/**
 * A write's If-Match condition as one parameter: null for none, else the versions it accepts as
 * a Postgres array literal (none at all: `{}`, which no version matches). `updatedAt`: the
 * version column of the table written (a live task's by default).
 */
export const inVersions = (
  versions: Placeholder | string | null,
  updatedAt: AnyPgColumn = tasks.updatedAt,
) => sql`(${versions}::timestamptz[] is null or ${updatedAt} = any(${versions}::timestamptz[]))`;
const inVersion = inVersions(sql.placeholder("versions"));

/** Made by Postgres for a new task; every other column is a placeholder named as its key. */
const MADE: Record<string, SQL> = {
  id: sql`gen_random_uuid()`,
  createdAt: sql`now()`,
  updatedAt: sql`now()`,
};

/** A new task's columns, in the table's order. */
const NEW_TASK_COLUMNS = Object.entries(getTableColumns(tasks)).map(
  ([key, column]) => MADE[key] ?? sql`${sql.placeholder(key)}::${sql.raw(column.getSQLType())}`,
);

/**
 * `trashed_tasks`' columns, in its order, each taken from the same column of the row `from` (a
 * task deleted by the statement), and `deleted_at` now.
 */
const TRASHED_FROM = (from: string) =>
  sql.raw(
    Object.entries(getTableColumns(trashedTasks))
      .map(([key, column]) => (key === "deletedAt" ? "now()" : `"${from}"."${column.name}"`))
      .join(", "),
  );

function prepareAll(db: Db) {
  const gone = db.$with("gone").as(
    db
      .delete(tasks)
      .where(and(eq(tasks.id, id), eq(tasks.userId, userId), inVersion))
      .returning(),
  );
  return {
    /**
     * The task, unless the user already holds `quota` tasks or their account was deleted
     * (queries.ts insertTask).
     */
    insert: db
      .insert(tasks)
      .select(
        sql`select ${sql.join(NEW_TASK_COLUMNS, sql`, `)}
          where (select count(*) from (select 1 from ${tasks} where ${tasks.userId} = ${sql.placeholder("userId")}
            limit ${sql.placeholder("quota")}) as held) < ${sql.placeholder("quota")}
            and ${accountOpen(sql.placeholder("userId"))}`,
      )
      .returning()
      .prepare("insert_task"),
    /**
     * Sets `is_completed` to `completed`, or flips it when that is null, on a task that does not
     * repeat (a recurring one goes through series.ts, which makes its next occurrence).
     */
    complete: db
      .update(tasks)
      .set({
        isCompleted: sql`coalesce(${sql.placeholder("completed")}::boolean, not ${tasks.isCompleted})`,
        updatedAt: touched,
      })
      .where(and(eq(tasks.id, id), eq(tasks.userId, userId), inVersion, isNull(tasks.recurrence)))
      .returning()
      .prepare("complete_task"),
    /** Moves the task into the trash, in one statement: deleted from `tasks` as inserted there. */
    remove: db
      .with(gone)
      .insert(trashedTasks)
      .select(sql`select ${TRASHED_FROM("gone")} from ${gone}`)
      .returning({ id: trashedTasks.id })
      .prepare("delete_task"),
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
