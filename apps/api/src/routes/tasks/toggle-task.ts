import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../lib/context.ts";
import { BEARER_AUTH, jsonContent } from "../../lib/openapi.ts";
import { requireUser } from "../../middleware/auth.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { rateLimit } from "../../middleware/rate-limit.ts";
import { missingTaskError } from "./ownership.ts";
import { setTaskCompletion } from "./queries.ts";
import {
  TaskCompletionSchema,
  TaskIdParamsSchema,
  taskAnswer,
  taskUpdateResponses,
} from "./schema.ts";

export const toggleTaskRoute = createRoute({
  method: "patch",
  path: "/api/tasks/{id}/complete",
  operationId: "toggleTask",
  tags: ["tasks"],
  summary: "Toggle or set a task's completion",
  description:
    'Without a body (or with `{}`) flips `is_completed`; with `{"is_completed": true|false}` sets it.',
  security: BEARER_AUTH,
  middleware: [requireUser, rateLimit, jsonBody] as const,
  request: {
    params: TaskIdParamsSchema,
    body: { required: false, content: jsonContent(TaskCompletionSchema) },
  },
  responses: taskUpdateResponses,
});

export function registerToggleTask(app: App) {
  app.openapi(toggleTaskRoute, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db } = c.get("database");
    const task = await setTaskCompletion(db, {
      userId: c.get("user").id,
      id,
      isCompleted: body.is_completed,
    });
    if (!task) throw await missingTaskError(db, id);
    return taskAnswer(c, task, 200);
  });
}
