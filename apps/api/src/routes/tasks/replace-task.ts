import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../lib/context.ts";
import { versionsIfMatch } from "../../lib/etag.ts";
import { BEARER_AUTH, jsonContent } from "../../lib/openapi.ts";
import { updateTask } from "../../tasks/queries.ts";
import { withJsonBody } from "./middleware.ts";
import { unwrittenTaskError } from "./ownership.ts";
import {
  IfMatchHeaderSchema,
  TaskIdParamsSchema,
  TaskReplaceSchema,
  taskAnswer,
  taskUpdateResponses,
} from "./schema.ts";
import { taskFields } from "./task-body.ts";

export const replaceTaskRoute = createRoute({
  method: "put",
  path: "/api/tasks/{id}",
  operationId: "replaceTask",
  tags: ["tasks"],
  summary: "Replace a task's editable fields",
  description:
    "Sets every editable field: `title` is required, each omitted one goes back to its default " +
    "(`description` and `due_date` null, `priority` none, `labels` []). `is_completed` is " +
    "unchanged: use `PATCH /api/tasks/{id}/complete`.",
  security: BEARER_AUTH,
  middleware: withJsonBody,
  request: {
    params: TaskIdParamsSchema,
    headers: IfMatchHeaderSchema,
    body: { required: true, content: jsonContent(TaskReplaceSchema) },
  },
  responses: taskUpdateResponses,
});

export function registerReplaceTask(app: App) {
  app.openapi(replaceTaskRoute, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const userId = c.get("user").id;
    const { db } = c.get("database");
    const task = await updateTask(db, {
      userId,
      id,
      changes: taskFields(body),
      versions: versionsIfMatch(c.req.valid("header")["if-match"]),
    });
    if (!task) throw await unwrittenTaskError(db, { userId, id });
    return taskAnswer(c, task, 200);
  });
}
