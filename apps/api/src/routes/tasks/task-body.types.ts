import { z } from "@hono/zod-openapi";
import type { ReminderChoice } from "../../reminders/stored-reminder.ts";
import { hasFutureOccurrence } from "../../tasks/recurrence.ts";
import { reminders } from "./reminder.types.ts";
import {
  calendarDate,
  description,
  dueDate,
  dueTime,
  ianaTimeZone,
  isCompleted,
  labels,
  priority,
  recurrence,
  recurrenceFrom,
  timeZone,
  title,
} from "./task.types.ts";

/**
 * The request bodies of the task writes (create, replace, patch), from the fields' rules in
 * task.types.ts, with the rules that span fields: a due time, zone or rule needs a due date, and
 * a rule needs an occurrence from now on.
 */

/** A due_time or time_zone needs a due_date in the same body (a 422 naming the field). */
const dueNeedsDate = (
  body: {
    due_date?: string | null;
    due_time?: string | null;
    time_zone?: string | null;
    recurrence?: string | null;
    reminders?: ReminderChoice[] | undefined;
  },
  ctx: z.RefinementCtx,
) => {
  if (body.due_date) return;
  for (const field of ["due_time", "time_zone", "recurrence"] as const) {
    if (body[field]) {
      ctx.addIssue({
        code: "custom",
        path: [field],
        message: `${field} needs a due_date`,
        params: { type: "value_error" },
      });
    }
  }
  if (body.reminders?.some((choice) => "offset_minutes" in choice)) {
    ctx.addIssue(offsetNeedsDue);
  }
};

/** The issue of a reminder before the due moment on a task without one. */
export const offsetNeedsDue = {
  code: "custom" as const,
  path: ["reminders"],
  message: "A reminder before the due date needs a due_date",
  params: { type: "value_error" },
};

const editable = {
  title,
  description: description.optional(),
  priority: priority.optional(),
  due_date: dueDate.optional(),
  due_time: dueTime.optional(),
  time_zone: timeZone.optional(),
  labels: labels.optional(),
  recurrence: recurrence.optional(),
  recurrence_from: recurrenceFrom.optional(),
  reminders: reminders.optional(),
};

/** A create's or replace's rule must have an occurrence from now on (a 422 naming it). */
const ruleHasFuture = (body: TaskBody, ctx: z.RefinementCtx) => {
  const { recurrence: rule, due_date: dueDate } = body;
  if (!rule || !dueDate) return;
  // Refinements run even when a field failed its own rule, which reports it: check only a whole schedule.
  const fields = [calendarDate.safeParse(dueDate), dueTime.optional().safeParse(body.due_time)];
  if (fields.some((field) => !field.success)) return;
  if (body.time_zone != null && !ianaTimeZone.safeParse(body.time_zone).success) return;
  const schedule = {
    recurrence: rule,
    dueDate,
    dueTime: body.due_time ?? null,
    timeZone: body.time_zone ?? "UTC",
    occurrence: 1,
  };
  if (!hasFutureOccurrence(schedule)) ctx.addIssue(noFutureOccurrence);
};

/** The issue of a rule without an occurrence from now on. */
export const noFutureOccurrence = {
  code: "custom" as const,
  path: ["recurrence"],
  message: "This rule has no occurrence from now on",
  params: { type: "value_error" },
};

const checkedBody = (body: TaskBody, ctx: z.RefinementCtx) => {
  dueNeedsDate(body, ctx);
  ruleHasFuture(body, ctx);
};

export const TaskCreateSchema = z.object(editable).superRefine(checkedBody).openapi("TaskCreate", {
  description:
    "A new task: only `title` is required. The owner is always the caller; a `user_id` (or any other field) in the body is ignored.",
});

export const TaskReplaceSchema = z
  .object(editable)
  .superRefine(checkedBody)
  .openapi("TaskReplace", {
    description:
      "The task's new editable fields: `title` is required; each omitted one goes back to its default (`description`, `due_date`, `recurrence`: null; `priority`: none; `labels`, `reminders`: []; `recurrence_from`: due).",
  });

export type TaskBody = z.infer<z.ZodObject<typeof editable>>;

const patchable = { ...editable, title: title.optional(), is_completed: isCompleted.optional() };

export const TaskUpdateSchema = z
  .object(patchable)
  .superRefine((body, ctx) => {
    if (Object.values(body).every((value) => value === undefined)) {
      ctx.addIssue({
        code: "custom",
        message: `Provide at least one of ${Object.keys(patchable).join(", ")}`,
        params: { type: "value_error" },
      });
    }
    if (body.due_date === null) dueNeedsDate(body, ctx);
  })
  .openapi("TaskUpdate", {
    description:
      "Any non-empty subset of the editable fields; omitted fields keep their value, null clears one. Clearing `due_date` clears `due_time` and `time_zone` too; `due_time` or `time_zone` on a task left without a due date is a 422. An empty object is a 422.",
    minProperties: 1,
  });

export type TaskPatch = z.infer<typeof TaskUpdateSchema>;
