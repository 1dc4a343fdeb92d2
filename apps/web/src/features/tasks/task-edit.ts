import type { RepeatFrom } from "@taskline/repeat";
import {
  choiceOf,
  type ReminderChoice,
  sameChoices,
  shownReminders,
  withoutOffsets,
  writeOf,
} from "./reminder-choices";
import type { Priority, Task, TaskChanges } from "./task-api";

/** What the edit form holds: every editable field of a task. */
export interface EditDraft {
  title: string;
  description: string | null;
  priority: Priority;
  /** `YYYY-MM-DD`, or null for no due date. */
  dueDate: string | null;
  /** `HH:MM`, or null for all day; always null without a due date. */
  dueTime: string | null;
  labels: string[];
  /** An RFC 5545 rule, or null; always null without a due date. */
  recurrence: string | null;
  recurrenceFrom: RepeatFrom;
  /** Relative ones only with a due date. */
  reminders: ReminderChoice[];
}

export const PRIORITIES: readonly Priority[] = ["none", "low", "medium", "high"];

export const PRIORITY_NAMES: Record<Priority, string> = {
  none: "None",
  low: "Low",
  medium: "Medium",
  high: "High",
};

export function draftOf(task: Task): EditDraft {
  return {
    title: task.title,
    description: task.description,
    priority: task.priority,
    dueDate: task.due_date,
    dueTime: task.due_date === null ? null : (task.due_time?.slice(0, 5) ?? null),
    labels: [...task.labels],
    recurrence: task.recurrence,
    recurrenceFrom: task.recurrence_from,
    reminders: task.reminders.map(choiceOf),
  };
}

const sameLabels = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");

/**
 * The PATCH body that turns `saved` into `draft`: only the fields that differ, so a change made
 * elsewhere to another field is kept. A due date keeps the task's zone, or takes the user's
 * (`timeZone`) when it had none; clearing the date clears its time and zone (the API's rule).
 */
export function changesBetween(saved: Task, draft: EditDraft, timeZone: string): TaskChanges {
  const changes: TaskChanges = {};
  const before = draftOf(saved);
  if (draft.title !== before.title) changes.title = draft.title;
  if (draft.description !== before.description) changes.description = draft.description;
  if (draft.priority !== before.priority) changes.priority = draft.priority;
  if (draft.dueDate !== before.dueDate || draft.dueTime !== before.dueTime) {
    Object.assign(changes, dueChanges(draft.dueDate, draft.dueTime, saved.time_zone ?? timeZone));
  }
  if (!sameLabels(draft.labels, before.labels)) changes.labels = draft.labels;
  const recurrence = draft.dueDate === null ? null : draft.recurrence;
  if (recurrence !== before.recurrence) changes.recurrence = recurrence;
  if (recurrence !== null && draft.recurrenceFrom !== before.recurrenceFrom) {
    changes.recurrence_from = draft.recurrenceFrom;
  }
  const reminders = draft.dueDate === null ? withoutOffsets(draft.reminders) : draft.reminders;
  if (!sameChoices(reminders, before.reminders)) changes.reminders = reminders.map(writeOf);
  return changes;
}

/** The due fields of a PATCH that sets (or, with a null date, clears) the due date. */
export function dueChanges(
  dueDate: string | null,
  dueTime: string | null,
  timeZone: string,
): TaskChanges {
  if (dueDate === null) return { due_date: null };
  return { due_date: dueDate, due_time: dueTime, time_zone: timeZone };
}

export const isEmptyChange = (changes: TaskChanges) => Object.keys(changes).length === 0;

/**
 * `task` as it will be once the API applies `changes`, shown before it answers. `due_at` waits for
 * the answer (the API computes it): until then the due date is read as a calendar day.
 */
export function applyChanges(task: Task, changes: TaskChanges): Task {
  const next: Task = { ...task };
  if (changes.title !== undefined) next.title = changes.title;
  if (changes.description !== undefined) next.description = changes.description;
  if (changes.priority !== undefined) next.priority = changes.priority;
  if (changes.labels !== undefined) next.labels = [...changes.labels];
  if (changes.recurrence !== undefined) next.recurrence = changes.recurrence;
  if (changes.recurrence_from !== undefined) next.recurrence_from = changes.recurrence_from;
  if (changes.due_date !== undefined) {
    next.due_date = changes.due_date;
    next.due_time = changes.due_date === null ? null : (changes.due_time ?? null);
    next.time_zone = changes.due_date === null ? null : (changes.time_zone ?? task.time_zone);
    next.due_at = null;
  }
  if (changes.reminders !== undefined || changes.due_date !== undefined) {
    const writes =
      changes.reminders ?? task.reminders.map((reminder) => writeOf(choiceOf(reminder)));
    next.reminders = shownReminders(writes, task.reminders, next.due_at);
  }
  return next;
}

/** Undo just the fields `changes` set, back to `before`, keeping any other change made since. */
export function revertChanges(shown: Task, before: Task, changes: TaskChanges): Task {
  const next: Task = { ...shown };
  if (changes.title !== undefined) next.title = before.title;
  if (changes.description !== undefined) next.description = before.description;
  if (changes.priority !== undefined) next.priority = before.priority;
  if (changes.labels !== undefined) next.labels = before.labels;
  if (changes.recurrence !== undefined) next.recurrence = before.recurrence;
  if (changes.recurrence_from !== undefined) next.recurrence_from = before.recurrence_from;
  if (changes.due_date !== undefined) {
    next.due_date = before.due_date;
    next.due_time = before.due_time;
    next.time_zone = before.time_zone;
    next.due_at = before.due_at;
  }
  if (changes.reminders !== undefined || changes.due_date !== undefined) {
    next.reminders = before.reminders;
  }
  return next;
}
