import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../lib/context.ts";
import { BEARER_AUTH, errorResponses, RATE_LIMIT_HEADERS } from "../../lib/openapi.ts";
import { requireUser } from "../../middleware/auth.ts";
import { rateLimit } from "../../middleware/rate-limit.ts";
import { missingTaskError } from "./ownership.ts";
import { deleteTask } from "./queries.ts";
import { TaskIdParamsSchema } from "./schema.ts";

export const deleteTaskRoute = createRoute({
  method: "delete",
  path: "/api/tasks/{id}",
  operationId: "deleteTask",
  tags: ["tasks"],
  summary: "Delete a task",
  security: BEARER_AUTH,
  middleware: [requireUser, rateLimit] as const,
  request: { params: TaskIdParamsSchema },
  responses: {
    204: { description: "Deleted.", headers: RATE_LIMIT_HEADERS },
    ...errorResponses(401, 403, 404, 429, 503),
  },
});

export function registerDeleteTask(app: App) {
  app.openapi(deleteTaskRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { db } = c.get("database");
    if (!(await deleteTask(db, { userId: c.get("user").id, id }))) {
      throw await missingTaskError(db, id);
    }
    return c.body(null, 204);
  });
}
