import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../lib/context.ts";
import { BEARER_AUTH, jsonContent } from "../../lib/openapi.ts";
import { requireUser } from "../../middleware/auth.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { rateLimit } from "../../middleware/rate-limit.ts";
import { missingTaskError } from "./ownership.ts";
import { updateTask } from "./queries.ts";
import {
  TaskIdParamsSchema,
  TaskReplaceSchema,
  taskAnswer,
  taskUpdateResponses,
} from "./schema.ts";

export const replaceTaskRoute = createRoute({
  method: "put",
  path: "/api/tasks/{id}",
  operationId: "replaceTask",
  tags: ["tasks"],
  summary: "Replace a task's title and description",
  description:
    "Sets `title` (required) and `description` (omitted → null). `is_completed` is unchanged: " +
    "use `PATCH /api/tasks/{id}/complete`.",
  security: BEARER_AUTH,
  middleware: [requireUser, rateLimit, jsonBody] as const,
  request: {
    params: TaskIdParamsSchema,
    body: { required: true, content: jsonContent(TaskReplaceSchema) },
  },
  responses: taskUpdateResponses,
});

export function registerReplaceTask(app: App) {
  app.openapi(replaceTaskRoute, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db } = c.get("database");
    const task = await updateTask(db, {
      userId: c.get("user").id,
      id,
      changes: { title: body.title, description: body.description ?? null },
    });
    if (!task) throw await missingTaskError(db, id);
    return taskAnswer(c, task, 200);
  });
}
