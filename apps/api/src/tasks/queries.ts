import { and, isNull } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { type TaskRow, tasks } from "../db/schema.ts";
import { chosenReminders } from "../reminders/stored-reminder.ts";
import { type DueFields, mergeDue } from "./due.ts";
import { hasFutureOccurrence } from "./recurrence.ts";
import { completeInSeries } from "./series.ts";
import { statements } from "./statements.ts";
import {
  owned,
  setOf,
  storedColumns,
  type Target,
  type TaskChanges,
  type TaskFields,
  target,
} from "./task-writes.ts";

/**
 * Every task query is a plain `(db, params)` function, and every one that reads or writes a task
 * filters by its owner. The only exception, `taskExists`, returns a boolean and is used after an
 * owner-filtered query found nothing, to choose between 403 and 404. Each write is one statement
 * of its own request (a PATCH of the due fields reads the task first, in one transaction):
 * nothing is retried or shared with other requests, so an answered write is exactly what was
 * committed. `db` may be a transaction (lib/idempotency.ts).
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

export type NewTask = TaskFields & {
  userId: string;
  /** The most tasks the user may hold: at that many, nothing is inserted. */
  quota: number;
};

/**
 * The new task, or undefined when the user already holds `quota` tasks or their account was
 * deleted (accounts/deleted-users.ts tells which). The count stops at the
 * quota, so it costs at most that many index entries, and only for a user near it. Concurrent
 * creates of one user may each see room for one more: the quota can be passed by as many
 * creates as were in flight together.
 */
export async function insertTask(db: Db, params: NewTask): Promise<TaskRow | undefined> {
  const { userId, quota } = params;
  const stored = storedColumns(params);
  const [row] = await statements(db).insert.execute({
    ...stored,
    // Drizzle leaves postgres.js to send timestamps as the text it is given.
    dueAt: stored.dueAt?.toISOString() ?? null,
    reminders: JSON.stringify(chosenReminders(params.reminders)),
    userId,
    isCompleted: false,
    seriesId: null,
    nextOccurrenceId: null,
    occurrence: 1,
    quota,
  });
  return row;
}

/**
 * Applies the given fields (undefined = unchanged) when the caller has the task in a version
 * named. A change of completion runs as one statement on a task that does not repeat; on one
 * that does (or one whose schedule the same write changes) it goes through completeInSeries,
 * which makes the next occurrence in the same transaction.
 */
export async function updateTask(
  db: Db,
  params: Target & { changes: TaskChanges },
): Promise<TaskRow | undefined> {
  const { isCompleted, ...fields } = params.changes;
  if (isCompleted === undefined) return applyChanges(db, params);
  const schedules = ["due", "recurrence", "recurrenceFrom"].some((key) => key in fields);
  if (!schedules) {
    const [row] =
      Object.keys(fields).length === 0
        ? await statements(db).complete.execute({
            ...target(params),
            completed: isCompleted === "flip" ? null : isCompleted,
          })
        : await db
            .update(tasks)
            .set(setOf(params.changes))
            .where(and(owned(params), isNull(tasks.recurrence)))
            .returning();
    if (row !== undefined) return row;
  }
  return completeInSeries(db, params);
}

async function applyChanges(db: Db, params: Target & { changes: TaskChanges }) {
  const [row] = await db.update(tasks).set(setOf(params.changes)).where(owned(params)).returning();
  return row;
}

/**
 * A field the patch names (or a reminder before the due date the task keeps) that needs a due
 * date the task will not have, or a schedule left without an occurrence from now on ("future").
 */
export type DueConflict = {
  conflict: "due_time" | "time_zone" | "recurrence" | "reminders" | "future";
};

/**
 * As updateTask, with `due` holding only the due fields a PATCH names: merged with the task's
 * own (read and locked in the same transaction), since due_at depends on all three.
 */
export async function patchTask(
  db: Db,
  params: Target & { changes: Omit<TaskChanges, "due">; due?: Partial<DueFields> },
): Promise<TaskRow | DueConflict | undefined> {
  const { due, changes } = params;
  if (due === undefined && changes.recurrence === undefined && changes.reminders === undefined) {
    return updateTask(db, params);
  }
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(tasks)
      .where(owned({ userId: params.userId, id: params.id }))
      .for("update");
    if (current === undefined) return undefined;
    const merged = due === undefined ? current : mergeDue(current, due);
    if (typeof merged === "string") return { conflict: merged };
    const recurrence = changes.recurrence === undefined ? current.recurrence : changes.recurrence;
    if (recurrence !== null) {
      if (merged.dueDate === null) return { conflict: "recurrence" };
      const schedule = { ...merged, dueDate: merged.dueDate, timeZone: merged.timeZone ?? "UTC" };
      if (!hasFutureOccurrence({ ...schedule, recurrence, occurrence: current.occurrence })) {
        return { conflict: "future" };
      }
    }
    const relative =
      changes.reminders === undefined
        ? current.reminders.some((r) => r.offset_minutes !== null)
        : changes.reminders.some((r) => "offset_minutes" in r);
    if (relative && merged.dueDate === null) return { conflict: "reminders" };
    const dueChange = due === undefined ? {} : { due: merged };
    return updateTask(tx, { ...params, changes: { ...changes, ...dueChange } });
  });
}

/** True when the caller's task (in a version named) was deleted. */
export async function deleteTask(db: Db, params: Target): Promise<boolean> {
  const rows = await statements(db).remove.execute(target(params));
  return rows.length > 0;
}
