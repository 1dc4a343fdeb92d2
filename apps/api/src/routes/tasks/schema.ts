import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { TaskRow } from "../../db/schema.ts";
import { etagOf } from "../../lib/etag.ts";
import type { WriteAnswer } from "../../lib/idempotency.ts";
import { jsonText } from "../../lib/json-text.ts";
import { errorResponses, jsonContent, RATE_LIMIT_HEADERS } from "../../lib/openapi.ts";
import { toTaskJson } from "../../tasks/task-json.ts";
import { EXAMPLE_ID, EXAMPLE_TIME, isCompleted, type TaskJson, TaskSchema } from "./task.types.ts";

export { type TaskJson, TaskSchema } from "./task.types.ts";
export { TaskCreateSchema, TaskReplaceSchema, TaskUpdateSchema } from "./task-body.types.ts";

/** The task routes' named OpenAPI schemas. JSON fields are snake_case, like the FastAPI contract. */

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
        priority: "medium",
        due_date: "2026-11-24",
        due_time: null,
        time_zone: "Europe/Berlin",
        due_at: "2026-11-24T23:00:00.000Z",
        labels: ["errands"],
        created_at: EXAMPLE_TIME,
        updated_at: "2026-11-23T10:02:41.517Z",
        deleted_at: null,
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

export const preconditionFailed = {
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
  204: {
    description: "In the trash, or with `permanent=true` deleted for good.",
    headers: RATE_LIMIT_HEADERS,
  },
  ...preconditionFailed,
  ...errorResponses(401, 403, 404, 429, 503),
};

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
