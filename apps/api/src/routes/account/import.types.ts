import { z } from "@hono/zod-openapi";
import { IMPORT_FORMATS } from "../../import/read-import.ts";
import { PRIORITIES } from "../../tasks/fields.ts";
import { RECURRENCE_FROM } from "../../tasks/recurrence.ts";
import { booleanParam } from "../tasks/list-query.types.ts";
import { ianaTimeZone } from "../tasks/task.types.ts";

/** Tasks a preview shows. */
export const PREVIEW_TASKS = 20;

export const ImportQuerySchema = z.object({
  preview: booleanParam.openapi({
    param: { name: "preview", in: "query" },
    description: "`true`: answer what would be imported, and write nothing.",
    example: "true",
  }),
  tz: ianaTimeZone.default("UTC").openapi({
    param: { name: "tz", in: "query" },
    description: "The IANA time zone of a Todoist date whose row names no TIMEZONE.",
    example: "Europe/Berlin",
  }),
});

const SkippedSchema = z
  .object({
    row: z.number().int().openapi({
      description:
        "The row's place in the file, from 1: a task of the JSON's list, a CSV row after the header.",
      example: 3,
    }),
    reason: z
      .string()
      .openapi({ description: "Why it creates nothing.", example: "Empty CONTENT" }),
  })
  .openapi("ImportSkipped", { description: "A row of the file that creates nothing, and why." });

const field = <T extends z.ZodType>(schema: T, description: string, example: unknown) =>
  schema.openapi({ description, example });

const ImportedTaskSchema = z
  .object({
    title: field(z.string(), "The title.", "Buy milk"),
    description: field(z.string().nullable(), "The notes, or null.", "2 litres"),
    is_completed: field(z.boolean(), "Whether it is created done.", false),
    priority: field(z.enum(PRIORITIES), "none < low < medium < high.", "high"),
    due_date: field(z.string().nullable(), "The day it is due, or null.", "2027-04-09"),
    due_time: field(z.string().nullable(), "The time it is due, or null.", "17:00"),
    time_zone: field(z.string().nullable(), "The zone of its due date, or null.", "Europe/Berlin"),
    labels: field(z.array(z.string()), "Its labels, sorted ignoring case.", ["work"]),
    recurrence: field(z.string().nullable(), "Its RRULE, or null.", "FREQ=WEEKLY;BYDAY=MO"),
    recurrence_from: field(z.enum(RECURRENCE_FROM), '"due" or "completion".', "due"),
  })
  .openapi("ImportedTask", {
    description: "A task as the import would create it (its id and `created_at` are made then).",
  });

export const ImportPreviewSchema = z
  .object({
    format: field(z.enum(IMPORT_FORMATS), "The format the file was read as.", "todoist-csv"),
    would_create: field(z.number().int(), "How many tasks the import would create.", 42),
    tasks: field(
      ImportedTaskSchema.array(),
      `The first ${PREVIEW_TASKS} tasks it would create, in the file's order.`,
      [],
    ),
    skipped: field(SkippedSchema.array(), "The rows it would leave out.", []),
  })
  .openapi("ImportPreview", { description: "What an import would do; nothing was written." });

export const ImportResultSchema = z
  .object({
    created: field(z.number().int(), "How many tasks were created.", 42),
    skipped: field(SkippedSchema.array(), "The rows left out, with the reasons.", []),
  })
  .openapi("ImportResult", { description: "What the import created, and the rows it left out." });
