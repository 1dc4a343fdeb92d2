import { createRoute } from "@hono/zod-openapi";
import { unlessAccountDeleted } from "../../accounts/deleted-users.ts";
import type { App } from "../../lib/context.ts";
import { ApiError, DETAIL } from "../../lib/errors.ts";
import { versionsIfMatch } from "../../lib/etag.ts";
import { withThousands } from "../../lib/format.ts";
import { BEARER_AUTH, ErrorSchema, errorResponses, jsonContent } from "../../lib/openapi.ts";
import { findTrashedTask, restoreTask, TRASH_DAYS } from "../../tasks/trash.ts";
import { withoutBody } from "./middleware.ts";
import { taskChangedError } from "./ownership.ts";
import {
  IfMatchHeaderSchema,
  preconditionFailed,
  TaskIdParamsSchema,
  taskAnswer,
  taskResponse,
} from "./schema.ts";

export const restoreTaskRoute = createRoute({
  method: "post",
  path: "/api/tasks/{id}/restore",
  operationId: "restoreTask",
  tags: ["tasks"],
  summary: "Restore a deleted task",
  description:
    `Moves a task of the caller's trash (deleted less than ${TRASH_DAYS} days ago) back among their tasks, ` +
    "with its id, fields and `created_at`; `updated_at` moves. A task in the trash does not count " +
    "towards the task limit; restoring one does, as a create.",
  security: BEARER_AUTH,
  middleware: withoutBody,
  request: { params: TaskIdParamsSchema, headers: IfMatchHeaderSchema },
  responses: {
    200: taskResponse("The restored task."),
    ...preconditionFailed,
    ...errorResponses(401, 404, 429, 503),
    403: {
      description: "The caller already holds as many tasks as an account may (`TASK_QUOTA`).",
      content: jsonContent(ErrorSchema),
    },
  },
});

export function registerRestoreTask(app: App) {
  app.openapi(restoreTaskRoute, async (c) => {
    const { id } = c.req.valid("param");
    const userId = c.get("user").id;
    const quota = c.get("config").taskQuota;
    const { db } = c.get("database");
    const versions = versionsIfMatch(c.req.valid("header")["if-match"]);
    const task = await restoreTask(db, { userId, id, versions, quota });
    if (task) return taskAnswer(c, task, 200);
    // Not in the caller's trash (someone else's task is no different), in another version, or no room.
    const trashed = await findTrashedTask(db, { userId, id });
    if (trashed === undefined) {
      throw await unlessAccountDeleted(db, userId, new ApiError(404, DETAIL.taskNotFound));
    }
    const accepted = versions === undefined || versions.some((v) => +v === +trashed.updatedAt);
    if (!accepted) throw taskChangedError(trashed);
    throw new ApiError(403, DETAIL.taskQuotaReached(withThousands(quota)));
  });
}
