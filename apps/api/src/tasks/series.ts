import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { type TaskRow, tasks, trashedTasks } from "../db/schema.ts";
import { calendarDay, dueInstant } from "./due.ts";
import { nextDue, type Schedule } from "./recurrence.ts";
import { owned, remindersValue, setOf, type Target, type TaskChanges } from "./task-writes.ts";

/**
 * A recurring task's series: completing an occurrence makes the next one in the same
 * transaction, and only once. The task is read and locked first, so concurrent completions of
 * one occurrence wait for each other, and the one that finds `next_occurrence_id` set makes
 * nothing; un-completing keeps that link, so completing again makes nothing either, unless the
 * next occurrence was deleted for good (not to the trash) in between, as the web app's undo does.
 */

/** The task's schedule, if it repeats. */
function scheduleOf(task: TaskRow): Schedule | undefined {
  if (task.recurrence === null || task.dueDate === null) return undefined;
  return {
    recurrence: task.recurrence,
    from: task.recurrenceFrom,
    dueDate: task.dueDate,
    dueTime: task.dueTime?.slice(0, 5) ?? null,
    timeZone: task.timeZone ?? "UTC",
    occurrence: task.occurrence,
  };
}

/** The next date of the task's series, counted from today in its zone when it repeats from completion. */
function nextOf(task: TaskRow) {
  const schedule = scheduleOf(task);
  if (schedule === undefined) return undefined;
  const next = nextDue(schedule, calendarDay(schedule.timeZone));
  return next && { ...next, timeZone: schedule.timeZone };
}

/**
 * updateTask's changes on a task that repeats (or may, after them), in one transaction: the
 * changes, then, if the task is now completed and has no next occurrence yet, its next one.
 */
export async function completeInSeries(
  db: Db,
  params: Target & { changes: TaskChanges },
): Promise<TaskRow | undefined> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(tasks).where(owned(params)).for("update");
    if (current === undefined) return undefined;
    const [changed] = await tx
      .update(tasks)
      .set(setOf(params.changes))
      .where(eq(tasks.id, current.id))
      .returning();
    if (changed === undefined || !changed.isCompleted) return changed;
    if (changed.nextOccurrenceId !== null && (await stillThere(tx, changed))) return changed;
    const next = nextOf(changed);
    if (next === undefined) return changed;
    const [successor] = await tx
      .insert(tasks)
      .values({
        userId: changed.userId,
        title: changed.title,
        description: changed.description,
        priority: changed.priority,
        labels: changed.labels,
        labelKeys: changed.labelKeys,
        recurrence: changed.recurrence,
        recurrenceFrom: changed.recurrenceFrom,
        dueDate: next.dueDate,
        dueTime: next.dueTime,
        timeZone: next.timeZone,
        dueAt: dueInstant(next),
        seriesId: changed.seriesId ?? changed.id,
        occurrence: changed.occurrence + 1,
        // The same offsets before its own due moment; a reminder at a fixed moment stays behind.
        reminders: remindersValue(
          changed.reminders.flatMap((r) =>
            r.offset_minutes === null ? [] : [{ offset_minutes: r.offset_minutes }],
          ),
        ),
      })
      .returning({ id: tasks.id });
    if (successor === undefined) return changed;
    const [linked] = await tx
      .update(tasks)
      .set({
        nextOccurrenceId: successor.id,
        seriesId: sql`coalesce(${tasks.seriesId}, ${tasks.id})`,
      })
      .where(eq(tasks.id, changed.id))
      .returning();
    return linked;
  });
}

/** Whether the task's next occurrence is still among its owner's tasks or in their trash. */
async function stillThere(db: Db, task: TaskRow): Promise<boolean> {
  const id = task.nextOccurrenceId ?? "";
  const [live] = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.id, id), eq(tasks.userId, task.userId)));
  if (live !== undefined) return true;
  const [trashed] = await db
    .select({ id: trashedTasks.id })
    .from(trashedTasks)
    .where(and(eq(trashedTasks.id, id), eq(trashedTasks.userId, task.userId)));
  return trashed !== undefined;
}

/** Why a task cannot be skipped to its next occurrence. */
export type SkipRefusal = "not-recurring" | "completed" | "ended";

/**
 * Moves the caller's open recurring task to its next occurrence without completing it (the
 * same task, its due fields moved on, counted as the next occurrence of its series).
 */
export async function skipOccurrence(
  db: Db,
  params: Target,
): Promise<TaskRow | SkipRefusal | undefined> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(tasks).where(owned(params)).for("update");
    if (current === undefined) return undefined;
    if (current.recurrence === null) return "not-recurring";
    if (current.isCompleted) return "completed";
    const next = nextOf(current);
    if (next === undefined) return "ended";
    const [moved] = await tx
      .update(tasks)
      .set({
        ...setOf({ due: next }),
        occurrence: current.occurrence + 1,
        seriesId: sql`coalesce(${tasks.seriesId}, ${tasks.id})`,
      })
      .where(and(eq(tasks.id, current.id), eq(tasks.userId, params.userId)))
      .returning();
    return moved;
  });
}
