import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../lib/context.ts";
import { versionsIfMatch } from "../../lib/etag.ts";
import { BEARER_AUTH, jsonContent } from "../../lib/openapi.ts";
import { patchTask } from "../../tasks/queries.ts";
import { withJsonBody } from "./middleware.ts";
import { unwrittenTaskError } from "./ownership.ts";
import {
  IfMatchHeaderSchema,
  TaskIdParamsSchema,
  TaskUpdateSchema,
  taskAnswer,
  taskUpdateResponses,
} from "./schema.ts";
import { dueNeedsDateError, taskPatch } from "./task-body.ts";

export const updateTaskRoute = createRoute({
  method: "patch",
  path: "/api/tasks/{id}",
  operationId: "updateTask",
  tags: ["tasks"],
  summary: "Change some of a task's fields",
  description:
    "Changes the given editable fields (and `is_completed`); the others keep their value. At " +
    "least one is required (`{}` is a 422). Clearing `due_date` clears `due_time` and " +
    "`time_zone`; `due_time` or `time_zone` on a task left without a due date is a 422.",
  security: BEARER_AUTH,
  middleware: withJsonBody,
  request: {
    params: TaskIdParamsSchema,
    headers: IfMatchHeaderSchema,
    body: { required: true, content: jsonContent(TaskUpdateSchema) },
  },
  responses: taskUpdateResponses,
});

export function registerUpdateTask(app: App) {
  app.openapi(updateTaskRoute, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const userId = c.get("user").id;
    const { db } = c.get("database");
    const versions = versionsIfMatch(c.req.valid("header")["if-match"]);
    const task = await patchTask(db, { userId, id, ...taskPatch(body), versions });
    if (!task) throw await unwrittenTaskError(db, { userId, id });
    if ("conflict" in task) throw dueNeedsDateError(task.conflict);
    return taskAnswer(c, task, 200);
  });
}
