import { and, eq, type SQL, sql } from "drizzle-orm";
import { tasks } from "../db/schema.ts";
import {
  chosenReminders,
  type ReminderChoice,
  type StoredReminder,
} from "../reminders/stored-reminder.ts";
import { type DueFields, dueInstant } from "./due.ts";
import { type Priority, priorityRank, storedLabels } from "./fields.ts";
import type { RecurrenceFrom } from "./recurrence.ts";
import { inVersions, touched } from "./statements.ts";

/**
 * What the task writes share (queries.ts, series.ts, trash.ts, import-tasks.ts): a task's editable
 * fields as stored columns, a change as the columns it sets, and a write's target (the owner's task
 * in a version named) as a condition and as the prepared statements' parameters.
 */

/** Every editable field of a task, as a create or a replace gives them. */
export type TaskFields = {
  title: string;
  description: string | null;
  priority: Priority;
  due: DueFields;
  labels: readonly string[];
  recurrence: string | null;
  recurrenceFrom: RecurrenceFrom;
  reminders: readonly ReminderChoice[];
};

/** The stored columns of the given fields (due_at and the label keys computed from them). */
export function storedColumns(changes: Partial<TaskFields>) {
  const { title, description, priority, due, labels, recurrence, recurrenceFrom, reminders } =
    changes;
  return {
    ...(title === undefined ? {} : { title }),
    ...(description === undefined ? {} : { description }),
    ...(priority === undefined ? {} : { priority: priorityRank(priority) }),
    ...(due === undefined ? {} : { ...due, dueAt: dueInstant(due) }),
    ...(labels === undefined ? {} : storedLabels(labels)),
    ...(recurrence === undefined ? {} : { recurrence }),
    ...(recurrenceFrom === undefined ? {} : { recurrenceFrom }),
    ...(reminders === undefined ? {} : { reminders: remindersValue(reminders) }),
  };
}

/** Reminders as a write stores them, completed by Postgres (reminders/stored-reminder.ts). */
export const remindersValue = (choices: readonly ReminderChoice[]) =>
  sql<StoredReminder[]>`${JSON.stringify(chosenReminders(choices))}::jsonb`;

export type TaskChanges = Partial<TaskFields> & {
  /** `"flip"`: the opposite of what it is when the statement runs. */
  isCompleted?: boolean | "flip";
};

const completion = (value: boolean | "flip"): boolean | SQL =>
  value === "flip" ? sql`not ${tasks.isCompleted}` : value;

export type Target = { userId: string; id: string; versions?: Date[] | undefined };

/** The columns a write sets: the changed fields, the completion, a new version. */
export const setOf = ({ isCompleted, ...fields }: TaskChanges) => ({
  ...storedColumns(fields),
  ...(isCompleted === undefined ? {} : { isCompleted: completion(isCompleted) }),
  updatedAt: touched,
});

/** A write's target as the prepared statements take it (statements.ts). */
export const target = ({ userId, id, versions }: Target) => ({
  userId,
  id,
  versions: versions === undefined ? null : arrayLiteral(versions),
});

export function owned(params: Target) {
  const { userId, id, versions } = target(params);
  return and(eq(tasks.id, id), eq(tasks.userId, userId), inVersions(versions));
}

/** The versions as a Postgres array literal (ISO 8601 texts hold no quote, comma or brace). */
export const arrayLiteral = (versions: Date[]) =>
  `{${versions.map((v) => v.toISOString()).join(",")}}`;
