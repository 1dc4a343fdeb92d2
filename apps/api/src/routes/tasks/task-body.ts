import { type ApiError, validationError } from "../../lib/errors.ts";
import type { DueFields } from "../../tasks/due.ts";
import type { TaskChanges, TaskFields } from "../../tasks/task-writes.ts";
import {
  noFutureOccurrence,
  offsetNeedsDue,
  type TaskBody,
  type TaskPatch,
} from "./task-body.types.ts";

/** A create's or replace's body as every editable field: each one omitted takes its default. */
export function taskFields(body: TaskBody): TaskFields {
  const dueDate = body.due_date ?? null;
  return {
    title: body.title,
    description: body.description ?? null,
    priority: body.priority ?? "none",
    due: {
      dueDate,
      dueTime: dueDate === null ? null : (body.due_time ?? null),
      timeZone: dueDate === null ? null : (body.time_zone ?? "UTC"),
    },
    labels: body.labels ?? [],
    recurrence: body.recurrence ?? null,
    recurrenceFrom: body.recurrence_from ?? "due",
    reminders: body.reminders ?? [],
  };
}

/** A PATCH body as the changes it names, its due fields apart (they are merged with the task's). */
export function taskPatch(body: TaskPatch): { changes: TaskChanges; due?: Partial<DueFields> } {
  const due: Partial<DueFields> = {
    ...(body.due_date === undefined ? {} : { dueDate: body.due_date }),
    ...(body.due_time === undefined ? {} : { dueTime: body.due_time }),
    ...(body.time_zone === undefined ? {} : { timeZone: body.time_zone }),
  };
  return {
    changes: {
      ...(body.title === undefined ? {} : { title: body.title }),
      ...(body.description === undefined ? {} : { description: body.description }),
      ...(body.is_completed === undefined ? {} : { isCompleted: body.is_completed }),
      ...(body.priority === undefined ? {} : { priority: body.priority }),
      ...(body.labels === undefined ? {} : { labels: body.labels }),
      ...(body.recurrence === undefined ? {} : { recurrence: body.recurrence }),
      ...(body.recurrence_from === undefined ? {} : { recurrenceFrom: body.recurrence_from }),
      ...(body.reminders === undefined ? {} : { reminders: body.reminders }),
    },
    ...(Object.keys(due).length === 0 ? {} : { due }),
  };
}

/**
 * The 422 of a PATCH that sets `due_time`, `time_zone`, `recurrence` or a reminder before the due
 * date on a task left without a due date, or ("future") leaves its rule without an occurrence
 * from now on.
 */
export const dueNeedsDateError = (
  field: "due_time" | "time_zone" | "recurrence" | "reminders" | "future",
): ApiError =>
  validationError([
    field === "future"
      ? { loc: ["body", "recurrence"], msg: noFutureOccurrence.message, type: "value_error" }
      : field === "reminders"
        ? { loc: ["body", "reminders"], msg: offsetNeedsDue.message, type: "value_error" }
        : { loc: ["body", field], msg: `${field} needs a due_date`, type: "value_error" },
  ]);
