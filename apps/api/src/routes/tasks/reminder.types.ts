import { z } from "@hono/zod-openapi";
import { withThousands } from "../../lib/format.ts";
import { EXAMPLE_ID } from "../../lib/openapi.ts";

/**
 * A task's reminders: how a write gives them (`reminders`, each a `ReminderChoice`) and how every
 * answer shows them (`Reminder`). reminders/stored-reminder.ts says how they are stored.
 */

export const REMINDERS_MAX = 5;
/** The furthest a reminder may come before its due moment: a year. */
export const REMINDER_OFFSET_MAX = 525_600;

/** An instant in years 2000–9999, as an ISO 8601 text with a zone (`Z` or an offset). */
const reminderInstant = z.iso
  .datetime({ offset: true })
  .refine((value) => {
    const time = Date.parse(value);
    return time >= Date.UTC(2000, 0, 1) && time < Date.UTC(10000, 0, 1);
  }, "Input should be an instant from 2000 to 9999")
  .transform((value) => new Date(value).toISOString());

export const reminder = z
  .object({
    offset_minutes: z
      .number()
      .int()
      .min(0)
      .max(REMINDER_OFFSET_MAX)
      .nullish()
      .openapi({
        description: `Minutes before \`due_at\` (0 = at the due moment, up to ${withThousands(REMINDER_OFFSET_MAX)}, a year); needs a due date.`,
        example: 30,
      }),
    at: reminderInstant.nullish().openapi({
      description: "An absolute moment (ISO 8601 with `Z` or an offset).",
      example: "2026-12-24T08:00:00Z",
    }),
  })
  .superRefine((value, ctx) => {
    if ((value.offset_minutes == null) === (value.at == null)) {
      ctx.addIssue({
        code: "custom",
        message: "A reminder has either offset_minutes or at",
        params: { type: "value_error" },
      });
    }
  })
  .transform((value) =>
    value.at == null ? { offset_minutes: value.offset_minutes ?? 0 } : { at: value.at },
  )
  .openapi("ReminderChoice", {
    description:
      "When to remind: `offset_minutes` before the due moment, or `at` a moment. Other fields of a reminder (`id`, `fires_at`, …) are read-only and ignored here.",
  });

/** Up to five reminders; repeats of one are kept once. */
export const reminders = z
  .array(reminder)
  .max(REMINDERS_MAX)
  .transform((choices) => {
    const seen = new Set<string>();
    return choices.filter((choice) => {
      const key = JSON.stringify(choice);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  })
  .openapi({
    description: `Up to ${REMINDERS_MAX} reminders, delivered by Web Push to the browsers the user turned notifications on in. Each one equal to one the task has keeps its \`id\` and delivery; a changed due date moves the relative ones and makes them pending again.`,
    example: [{ offset_minutes: 30 }],
  });

export const ReminderSchema = z
  .object({
    id: z.uuid().openapi({ description: "Read-only: the reminder's id.", example: EXAMPLE_ID }),
    offset_minutes: z.number().int().nullable().openapi({
      description: "Minutes before `due_at`, or null for an absolute reminder.",
      example: 30,
    }),
    at: z.iso.datetime().nullable().openapi({
      description: "The absolute moment, or null for a relative reminder.",
      example: null,
    }),
    fires_at: z.iso.datetime().openapi({
      description: "Read-only: when it goes off (ISO 8601, UTC).",
      example: "2026-12-24T16:00:00.000Z",
    }),
    sent_at: z.iso.datetime().nullable().openapi({
      description:
        "Read-only: when it went off and was pushed to the user's subscribed browsers; null until then (and for one whose moment had passed when it was set).",
      example: null,
    }),
    failed_at: z.iso.datetime().nullable().openapi({
      description:
        "Read-only: when delivery was given up after an hour of retries against a failing push service; null otherwise.",
      example: null,
    }),
  })
  .openapi("Reminder", { description: "One of a task's reminders, as stored." });
