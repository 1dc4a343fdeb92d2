import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../lib/context.ts";
import { versionsIfMatch } from "../../lib/etag.ts";
import { BEARER_AUTH } from "../../lib/openapi.ts";
import { deleteTask } from "../../tasks/queries.ts";
import { withoutBody } from "./middleware.ts";
import { unwrittenTaskError } from "./ownership.ts";
import { IfMatchHeaderSchema, TaskIdParamsSchema, taskDeleteResponses } from "./schema.ts";

export const deleteTaskRoute = createRoute({
  method: "delete",
  path: "/api/tasks/{id}",
  operationId: "deleteTask",
  tags: ["tasks"],
  summary: "Delete a task",
  security: BEARER_AUTH,
  middleware: withoutBody,
  request: { params: TaskIdParamsSchema, headers: IfMatchHeaderSchema },
  responses: taskDeleteResponses,
});

export function registerDeleteTask(app: App) {
  app.openapi(deleteTaskRoute, async (c) => {
    const { id } = c.req.valid("param");
    const userId = c.get("user").id;
    const { db } = c.get("database");
    const versions = versionsIfMatch(c.req.valid("header")["if-match"]);
    if (!(await deleteTask(db, { userId, id, versions }))) {
      throw await unwrittenTaskError(db, { userId, id });
    }
    return c.body(null, 204);
  });
}
