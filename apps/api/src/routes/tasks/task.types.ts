import { z } from "@hono/zod-openapi";
import { withThousands } from "../../lib/format.ts";
import { EXAMPLE_ID, EXAMPLE_TIME } from "../../lib/openapi.ts";
import { isCalendarDate, timeZoneName } from "../../tasks/due.ts";
import { PRIORITIES } from "../../tasks/fields.ts";
import {
  normalRule,
  RECURRENCE_FROM,
  RECURRENCE_MAX,
  ruleProblem,
} from "../../tasks/recurrence.ts";
import { TRASH_DAYS } from "../../tasks/trash.ts";
import { ReminderSchema } from "./reminder.types.ts";

/**
 * A task's fields: the `Task` schema every answer follows, and the rules of each editable field
 * as the request bodies take them. JSON fields are snake_case, like the FastAPI contract.
 */

export const TITLE_MAX = 255;
export const DESCRIPTION_MAX = 10_000;
export const LABELS_MAX = 20;
export const LABEL_MAX = 50;

export { EXAMPLE_ID, EXAMPLE_TIME };

/** Length in characters (code points), as Postgres' char_length counts them. */
const charLength = (value: string) => {
  let n = 0;
  for (const _ of value) n += 1;
  return n;
};

/** Text Postgres can take as given: no NUL, no unpaired surrogate. */
export const storable = (text: z.ZodString) =>
  text.refine((value) => !value.includes("\u0000") && value.isWellFormed(), {
    message: "String should not contain NUL characters or unpaired surrogates",
    params: { type: "string_unicode" },
  });

/** Storable text of at most `max` characters. */
const storableText = (text: z.ZodString, max: number) =>
  storable(text).refine((value) => charLength(value) <= max, {
    message: `String should have at most ${max} characters`,
    params: { type: "string_too_long" },
  });

export const title = storableText(z.string().trim().min(1), TITLE_MAX).openapi({
  description: `The task's title; surrounding whitespace is trimmed, then 1–${TITLE_MAX} characters.`,
  example: "Buy milk",
  maxLength: TITLE_MAX,
});

export const description = storableText(z.string(), DESCRIPTION_MAX)
  .nullable()
  .openapi({
    description: `Optional notes, up to ${withThousands(DESCRIPTION_MAX)} characters; null for none.`,
    example: "2 litres, semi-skimmed",
    maxLength: DESCRIPTION_MAX,
  });

export const isCompleted = z.boolean().openapi({
  description: "Whether the task is done.",
  example: true,
});

export const priority = z.enum(PRIORITIES).openapi({
  description: "How important the task is, ordered none < low < medium < high.",
  example: "high",
});

export const calendarDate = z.string().refine(isCalendarDate, {
  message: "Input should be a valid date in the format YYYY-MM-DD",
  params: { type: "date_parsing" },
});

/**
 * Years 0002 to 9998 for a due date: its due moment (in any zone, or the start of the next day)
 * then falls within years 0001 to 9999, which Postgres reads back from an ISO 8601 text.
 */
const DUE_YEARS = { first: "0002-01-01", last: "9998-12-31" };

export const dueDate = calendarDate
  .refine(
    (value) => !isCalendarDate(value) || (value >= DUE_YEARS.first && value <= DUE_YEARS.last),
    {
      message: `Input should be a date from ${DUE_YEARS.first} to ${DUE_YEARS.last}`,
      params: { type: "value_error" },
    },
  )
  .nullable()
  .openapi({
    description: `The day the task is due (\`YYYY-MM-DD\`, a real calendar date from ${DUE_YEARS.first} to ${DUE_YEARS.last}); null for none.`,
    example: "2026-12-24",
    format: "date",
  });

export const dueTime = z
  .string()
  .refine((value) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value), {
    message: "Input should be a valid time in the format HH:MM",
    params: { type: "time_parsing" },
  })
  .nullable()
  .openapi({
    description: "The time of day it is due (`HH:MM`, 24 h), only with `due_date`; null: all day.",
    example: "17:30",
  });

export const ianaTimeZone = z.string().transform((value, ctx) => {
  const name = timeZoneName(value);
  if (name === undefined) {
    ctx.addIssue({
      code: "custom",
      message: "Unknown time zone: use an IANA name such as Europe/Berlin",
      params: { type: "value_error" },
    });
    return z.NEVER;
  }
  return name;
});

export const timeZone = ianaTimeZone.nullable().openapi({
  description:
    'The IANA time zone `due_date` and `due_time` are wall-clock in; "UTC" when a due date comes without one.',
  example: "Europe/Berlin",
});

export const label = storableText(z.string().trim().min(1), LABEL_MAX)
  .refine((value) => !value.includes(","), {
    message: "A label should not contain commas",
    params: { type: "value_error" },
  })
  .refine((value) => !/\p{Cc}/u.test(value), {
    message: "A label should not contain control characters",
    params: { type: "value_error" },
  })
  .refine((value) => !value.startsWith("#"), {
    message: "A label should not start with #",
    params: { type: "value_error" },
  });

export const labels = z
  .array(label)
  .max(LABELS_MAX)
  .openapi({
    description: `Up to ${LABELS_MAX} labels, each trimmed, 1–${LABEL_MAX} characters, without commas or control characters, not starting with \`#\`; repeats (ignoring case) keep their first spelling. Returned sorted, ignoring case.`,
    example: ["errands", "Home"],
  });

export const recurrence = z
  .string()
  .max(RECURRENCE_MAX)
  .transform((value, ctx) => {
    const problem = ruleProblem(value);
    if (problem === undefined) return normalRule(value);
    ctx.addIssue({ code: "custom", message: problem, params: { type: "value_error" } });
    return z.NEVER;
  })
  .nullable()
  .openapi({
    description:
      "How the task repeats: an RFC 5545 RRULE value without `RRULE:` (FREQ hourly or slower; COUNT or UNTIL may end it), computed in `time_zone` from `due_date`/`due_time`; needs a due date. Null: it does not repeat.",
    example: "FREQ=WEEKLY;BYDAY=MO,WE",
  });

export const recurrenceFrom = z.enum(RECURRENCE_FROM).openapi({
  description:
    '"due": the next date follows the schedule; "completion": it counts from the day the task was completed.',
  example: "due",
});

export const TaskSchema = z
  .object({
    id: z
      .uuid()
      .openapi({ description: "The task's id, made by the server.", example: EXAMPLE_ID }),
    user_id: z.string().openapi({
      description: "The owner: the `sub` of the token that created it.",
      example: "Xq3s8VvTn0Rk2hYbWc6pLd1aJf9eGm4u",
    }),
    title: z
      .string()
      .openapi({ description: "The task's title (1–255 characters).", example: "Buy milk" }),
    description: z.string().nullable().openapi({
      description: "Optional notes (null when there are none).",
      example: "2 litres, semi-skimmed",
    }),
    is_completed: z.boolean().openapi({ description: "Whether the task is done.", example: false }),
    priority: z.enum(PRIORITIES).openapi({
      description: "none < low < medium < high.",
      example: "high",
    }),
    due_date: z.string().nullable().openapi({
      description: "The day it is due (`YYYY-MM-DD`), or null.",
      example: "2026-12-24",
    }),
    due_time: z.string().nullable().openapi({
      description: "The time it is due (`HH:MM`), or null for all day (or no due date).",
      example: "17:30",
    }),
    time_zone: z.string().nullable().openapi({
      description: "The IANA zone of `due_date`/`due_time`; null without a due date.",
      example: "Europe/Berlin",
    }),
    due_at: z.iso.datetime().nullable().openapi({
      description:
        "Read-only: when the task becomes overdue (ISO 8601, UTC): `due_time` on `due_date` in `time_zone`, or for an all-day task the start of the next day there; a time a DST change skips moves forward by the gap. Null without a due date.",
      example: "2026-12-24T16:30:00.000Z",
    }),
    labels: z.array(z.string()).openapi({
      description: "The task's labels, sorted ignoring case.",
      example: ["errands", "Home"],
    }),
    recurrence: z.string().nullable().openapi({
      description: "The RRULE value the task repeats by, or null.",
      example: "FREQ=WEEKLY;BYDAY=MO,WE",
    }),
    recurrence_from: z.enum(RECURRENCE_FROM).openapi({
      description: 'Whether the next date follows the schedule ("due") or the day of completion.',
      example: "due",
    }),
    series_id: z.uuid().nullable().openapi({
      description:
        "Read-only: the id of the first task of the series this one belongs to (a recurring task is its own series until completed); null for a task that never repeated.",
      example: EXAMPLE_ID,
    }),
    next_occurrence_id: z.uuid().nullable().openapi({
      description:
        "Read-only: the open task its completion made, the next occurrence; null until then.",
      example: null,
    }),
    reminders: z.array(ReminderSchema).openapi({
      description: "The task's reminders, in the order they go off.",
      example: [
        {
          id: EXAMPLE_ID,
          offset_minutes: 30,
          at: null,
          fires_at: "2026-12-24T16:00:00.000Z",
          sent_at: null,
          failed_at: null,
        },
      ],
    }),
    created_at: z.iso.datetime().openapi({
      description: "When the task was created (ISO 8601, UTC, milliseconds).",
      example: EXAMPLE_TIME,
    }),
    updated_at: z.iso.datetime().openapi({
      description: "When the task last changed (ISO 8601, UTC); moves on every change.",
      example: EXAMPLE_TIME,
    }),
    deleted_at: z.iso
      .datetime()
      .nullable()
      .openapi({
        description: `When the task was deleted (ISO 8601, UTC): null for a live task, set for one in the trash (\`GET /api/tasks?trashed=true\`), which is deleted for good ${TRASH_DAYS} days after it.`,
        example: null,
      }),
  })
  .openapi("Task", { description: "A task of the authenticated user." });

export type TaskJson = z.infer<typeof TaskSchema>;
