import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../lib/context.ts";
import { BEARER_AUTH, jsonContent } from "../../lib/openapi.ts";
import { requireUser } from "../../middleware/auth.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { rateLimit } from "../../middleware/rate-limit.ts";
import { missingTaskError } from "./ownership.ts";
import { updateTask } from "./queries.ts";
import { TaskIdParamsSchema, TaskUpdateSchema, taskAnswer, taskUpdateResponses } from "./schema.ts";

export const updateTaskRoute = createRoute({
  method: "patch",
  path: "/api/tasks/{id}",
  operationId: "updateTask",
  tags: ["tasks"],
  summary: "Change some of a task's fields",
  description:
    "Changes the given fields among `title`, `description` and `is_completed`; the others keep " +
    "their value. At least one is required (`{}` is a 422).",
  security: BEARER_AUTH,
  middleware: [requireUser, rateLimit, jsonBody] as const,
  request: {
    params: TaskIdParamsSchema,
    body: { required: true, content: jsonContent(TaskUpdateSchema) },
  },
  responses: taskUpdateResponses,
});

export function registerUpdateTask(app: App) {
  app.openapi(updateTaskRoute, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db } = c.get("database");
    const task = await updateTask(db, {
      userId: c.get("user").id,
      id,
      changes: { title: body.title, description: body.description, isCompleted: body.is_completed },
    });
    if (!task) throw await missingTaskError(db, id);
    return taskAnswer(c, task, 200);
  });
}
