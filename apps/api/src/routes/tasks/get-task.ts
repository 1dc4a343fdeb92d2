import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../lib/context.ts";
import { BEARER_AUTH, errorResponses } from "../../lib/openapi.ts";
import { findTask } from "../../tasks/queries.ts";
import { withoutBody } from "./middleware.ts";
import { missingTaskError } from "./ownership.ts";
import { TaskIdParamsSchema, taskAnswer, taskResponse } from "./schema.ts";

export const getTaskRoute = createRoute({
  method: "get",
  path: "/api/tasks/{id}",
  operationId: "getTask",
  tags: ["tasks"],
  summary: "Get a task",
  security: BEARER_AUTH,
  middleware: withoutBody,
  request: { params: TaskIdParamsSchema },
  responses: {
    200: taskResponse("The task."),
    ...errorResponses(401, 403, 404, 429, 503),
  },
});

export function registerGetTask(app: App) {
  app.openapi(getTaskRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { db } = c.get("database");
    const userId = c.get("user").id;
    const task = await findTask(db, { userId, id });
    if (!task) throw await missingTaskError(db, { userId, id });
    return taskAnswer(c, task, 200);
  });
}
