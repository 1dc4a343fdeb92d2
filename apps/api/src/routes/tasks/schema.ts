import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { TaskRow } from "../../db/schema.ts";
import { etagOf } from "../../lib/etag.ts";
import { withThousands } from "../../lib/format.ts";
import type { WriteAnswer } from "../../lib/idempotency.ts";
import { jsonText } from "../../lib/json-text.ts";
import { errorResponses, jsonContent, RATE_LIMIT_HEADERS } from "../../lib/openapi.ts";
import { type Cursor, decodeCursor } from "../../tasks/cursor.ts";
import { TASK_STATUSES } from "../../tasks/list-page.ts";
import { toTaskJson } from "./task-json.ts";

/** The task routes' named OpenAPI schemas. JSON fields are snake_case, like the FastAPI contract. */

export const TITLE_MAX = 255;
export const DESCRIPTION_MAX = 10_000;
export const LIMIT_DEFAULT = 50;
export const LIMIT_MAX = 200;

const EXAMPLE_ID = "0b9d6c3e-8f43-4a57-9d55-2f1c8e4a7b10";
const EXAMPLE_TIME = "2026-11-23T09:30:00.000Z";

/** Length in characters (code points), as Postgres' char_length counts them. */
const charLength = (value: string) => {
  let n = 0;
  for (const _ of value) n += 1;
  return n;
};

/** Text Postgres can store as given (no NUL, no unpaired surrogate), at most `max` characters. */
const storableText = (text: z.ZodString, max: number) =>
  text
    .refine((value) => !value.includes("\u0000") && value.isWellFormed(), {
      message: "String should not contain NUL characters or unpaired surrogates",
      params: { type: "string_unicode" },
    })
    .refine((value) => charLength(value) <= max, {
      message: `String should have at most ${max} characters`,
      params: { type: "string_too_long" },
    });

const title = storableText(z.string().trim().min(1), TITLE_MAX).openapi({
  description: `The task's title; surrounding whitespace is trimmed, then 1–${TITLE_MAX} characters.`,
  example: "Buy milk",
  maxLength: TITLE_MAX,
});

const description = storableText(z.string(), DESCRIPTION_MAX)
  .nullable()
  .openapi({
    description: `Optional notes, up to ${withThousands(DESCRIPTION_MAX)} characters; null for none.`,
    example: "2 litres, semi-skimmed",
    maxLength: DESCRIPTION_MAX,
  });

const isCompleted = z.boolean().openapi({
  description: "Whether the task is done.",
  example: true,
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
    created_at: z.iso.datetime().openapi({
      description: "When the task was created (ISO 8601, UTC, milliseconds).",
      example: EXAMPLE_TIME,
    }),
    updated_at: z.iso.datetime().openapi({
      description: "When the task last changed (ISO 8601, UTC); moves on every change.",
      example: EXAMPLE_TIME,
    }),
  })
  .openapi("Task", { description: "A task of the authenticated user." });

export type TaskJson = z.infer<typeof TaskSchema>;

/** The answer of every route that answers with one task, with its ETag. */
export const taskAnswer = <S extends ContentfulStatusCode>(
  c: Context,
  task: TaskRow,
  status: S,
) => {
  c.header("ETag", etagOf(task.updatedAt));
  return jsonText<TaskJson, S>(c, JSON.stringify(toTaskJson(task)), status);
};

/** A write's answer with one task, as lib/idempotency.ts stores and replays it. */
export const taskWriteAnswer = <S extends 200 | 201>(
  task: TaskRow,
  status: S,
  headers: Record<string, string> = {},
): WriteAnswer & { status: S } => ({
  status,
  headers: { ...headers, ETag: etagOf(task.updatedAt) },
  body: JSON.stringify(toTaskJson(task)),
});

/** Sends a (possibly replayed) write answer. */
export const sendWriteAnswer = <S extends 200 | 201>(
  c: Context,
  answer: WriteAnswer & { status: S; replayed: boolean },
) => {
  for (const [name, value] of Object.entries(answer.headers)) c.header(name, value);
  if (answer.replayed) c.header("Idempotent-Replayed", "true");
  return jsonText<TaskJson, S>(c, answer.body, answer.status);
};

const ETAG_HEADER = {
  ETag: {
    description: 'The task\'s version: its `updated_at`, quoted (`"2026-11-23T09:30:00.000Z"`).',
    schema: { type: "string" as const },
  },
};

export const IfMatchHeaderSchema = z.object({
  "if-match": z
    .string()
    .optional()
    .openapi({
      param: { name: "if-match", in: "header" },
      description:
        'Only if the task is still in this version (its ETag, `"<updated_at>"`); else 412 with the current task. `*` or no header: any version.',
      example: `"${EXAMPLE_TIME}"`,
    }),
});

export const PreconditionFailedSchema = z
  .object({
    detail: z.string().openapi({
      description: "What went wrong, in words.",
      example: "This task was changed elsewhere since you loaded it.",
    }),
    task: TaskSchema.openapi({
      description: "The task as it is now, with the `updated_at` to send in the next `If-Match`.",
      example: {
        id: EXAMPLE_ID,
        user_id: "user_2b7f",
        title: "Buy milk",
        description: "2 litres, semi-skimmed",
        is_completed: true,
        created_at: EXAMPLE_TIME,
        updated_at: "2026-11-23T10:02:41.517Z",
      },
    }),
  })
  .openapi("PreconditionFailed", {
    description: "The write was refused: `task` is the task as it is now.",
  });

/** The answer of a route that answers with one task, with its ETag. */
export const taskResponse = (description: string) => ({
  description,
  headers: { ...ETAG_HEADER, ...RATE_LIMIT_HEADERS },
  content: jsonContent(TaskSchema),
});

const preconditionFailed = {
  412: {
    description:
      "`If-Match` named another version: the task changed since the caller read it. The body holds the current task, the `ETag` header its version.",
    headers: ETAG_HEADER,
    content: jsonContent(PreconditionFailedSchema),
  },
};

/** The responses of PUT and PATCH: the updated task, or why not. */
export const taskUpdateResponses = {
  200: taskResponse("The updated task."),
  ...preconditionFailed,
  ...errorResponses(401, 403, 404, 413, 415, 429, 503),
};

/** The responses of the toggle, which also takes an Idempotency-Key. */
export const taskToggleResponses = {
  ...taskUpdateResponses,
  ...errorResponses(401, 403, 404, 409, 413, 415, 429, 503),
};

/** The responses of DELETE. */
export const taskDeleteResponses = {
  204: { description: "Deleted.", headers: RATE_LIMIT_HEADERS },
  ...preconditionFailed,
  ...errorResponses(401, 403, 404, 429, 503),
};

export const TaskCreateSchema = z
  .object({
    title,
    description: description.optional(),
  })
  .openapi("TaskCreate", {
    description:
      "A new task. The owner is always the caller; a `user_id` (or any other field) in the body is ignored.",
  });

export const TaskReplaceSchema = z
  .object({
    title,
    description: description.optional(),
  })
  .openapi("TaskReplace", {
    description:
      "The task's new editable fields: `title` is required, an omitted `description` becomes null.",
  });

export const TaskUpdateSchema = z
  .object({
    title: title.optional(),
    description: description.optional(),
    is_completed: isCompleted.optional(),
  })
  .refine(
    (body) =>
      body.title !== undefined || body.description !== undefined || body.is_completed !== undefined,
    {
      message: "Provide at least one of title, description, is_completed",
      params: { type: "value_error" },
    },
  )
  .openapi("TaskUpdate", {
    description:
      "Any non-empty subset of the editable fields; omitted fields keep their value, `description: null` clears it. An empty object is a 422.",
    minProperties: 1,
  });

export const TaskCompletionSchema = z
  .object({ is_completed: isCompleted.optional() })
  .openapi("TaskCompletion", {
    description:
      'Optional. `{"is_completed": true|false}` sets the state; no body (or `{}`) toggles it.',
  });

export const TaskIdParamsSchema = z.object({
  id: z.guid().openapi({
    param: { name: "id", in: "path" },
    description: "The task's id (a UUID).",
    example: EXAMPLE_ID,
  }),
});

export const ListTasksQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(LIMIT_MAX)
    .default(LIMIT_DEFAULT)
    .openapi({
      param: { name: "limit", in: "query" },
      description: `How many tasks per page (1–${LIMIT_MAX}).`,
      example: 20,
    }),
  cursor: z
    .string()
    .optional()
    .transform((value, ctx): Cursor | undefined => {
      if (value === undefined) return undefined;
      const cursor = decodeCursor(value);
      if (cursor === undefined) {
        ctx.addIssue({
          code: "custom",
          message: "Invalid cursor: use the one from the previous page's Link header",
          params: { type: "value_error" },
        });
        return z.NEVER;
      }
      return cursor;
    })
    .openapi({
      param: { name: "cursor", in: "query" },
      description:
        'Opaque position from the `Link: <…>; rel="next"` header of the previous page. Omit for the first page.',
      example: "eyJ0IjoiMjAyNi0xMS0yM1QwOTozMDowMC4wMDBaIiwiaSI6IjBiOWQ2YzNlIn0",
    }),
  status: z
    .enum(TASK_STATUSES)
    .default("all")
    .openapi({
      param: { name: "status", in: "query" },
      description: "Which tasks: all, pending (not completed) or completed.",
      example: "pending",
    }),
});
