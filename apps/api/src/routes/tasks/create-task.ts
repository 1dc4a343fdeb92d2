import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../lib/context.ts";
import { BEARER_AUTH, errorResponses, jsonContent, RATE_LIMIT_HEADERS } from "../../lib/openapi.ts";
import { requireUser } from "../../middleware/auth.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { rateLimit } from "../../middleware/rate-limit.ts";
import { insertTask } from "./queries.ts";
import { TaskCreateSchema, TaskSchema, taskAnswer } from "./schema.ts";

export const createTaskRoute = createRoute({
  method: "post",
  path: "/api/tasks",
  operationId: "createTask",
  tags: ["tasks"],
  summary: "Create a task",
  description:
    "Creates a task owned by the caller (the token's `sub`, never a `user_id` in the body).",
  security: BEARER_AUTH,
  middleware: [requireUser, rateLimit, jsonBody] as const,
  request: { body: { required: true, content: jsonContent(TaskCreateSchema) } },
  responses: {
    201: {
      description: "The created task.",
      headers: {
        Location: {
          description: "The new task's URL, `/api/tasks/{id}`.",
          schema: { type: "string" },
        },
        ...RATE_LIMIT_HEADERS,
      },
      content: jsonContent(TaskSchema),
    },
    ...errorResponses(401, 413, 415, 429, 503),
  },
});

export function registerCreateTask(app: App) {
  app.openapi(createTaskRoute, async (c) => {
    const body = c.req.valid("json");
    const task = await insertTask(c.get("database").db, {
      userId: c.get("user").id,
      title: body.title,
      description: body.description ?? null,
    });
    c.header("Location", `/api/tasks/${task.id}`);
    return taskAnswer(c, task, 201);
  });
}
