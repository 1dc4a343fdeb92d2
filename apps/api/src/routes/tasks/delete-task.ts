import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../lib/context.ts";
import { versionsIfMatch } from "../../lib/etag.ts";
import { BEARER_AUTH } from "../../lib/openapi.ts";
import { deleteTask } from "../../tasks/queries.ts";
import { deleteTaskForever, TRASH_DAYS } from "../../tasks/trash.ts";
import { booleanParam } from "./list-query.types.ts";
import { withoutBody } from "./middleware.ts";
import { unwrittenTaskError } from "./ownership.ts";
import { IfMatchHeaderSchema, TaskIdParamsSchema, taskDeleteResponses } from "./schema.ts";

const DeleteTaskQuerySchema = z.object({
  permanent: booleanParam.openapi({
    param: { name: "permanent", in: "query" },
    description:
      "`true`: delete for good, without the trash; also deletes a task that is in the trash.",
    example: "true",
  }),
});

export const deleteTaskRoute = createRoute({
  method: "delete",
  path: "/api/tasks/{id}",
  operationId: "deleteTask",
  tags: ["tasks"],
  summary: "Delete a task",
  description:
    `Moves the task to the trash (\`GET /api/tasks?trashed=true\`), from where \`POST /api/tasks/{id}/restore\` brings it back for ${TRASH_DAYS} days; ` +
    "after that it is gone. To every other route it is gone at once (404). " +
    "With `permanent=true` the task, live or in the trash, is deleted for good.",
  security: BEARER_AUTH,
  middleware: withoutBody,
  request: {
    params: TaskIdParamsSchema,
    headers: IfMatchHeaderSchema,
    query: DeleteTaskQuerySchema,
  },
  responses: taskDeleteResponses,
});

export function registerDeleteTask(app: App) {
  app.openapi(deleteTaskRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { permanent } = c.req.valid("query");
    const userId = c.get("user").id;
    const { db } = c.get("database");
    const versions = versionsIfMatch(c.req.valid("header")["if-match"]);
    const remove = permanent ? deleteTaskForever : deleteTask;
    if (!(await remove(db, { userId, id, versions }))) {
      throw await unwrittenTaskError(db, { userId, id, trashed: permanent });
    }
    return c.body(null, 204);
  });
}
