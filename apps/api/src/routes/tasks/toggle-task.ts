import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../lib/context.ts";
import { versionsIfMatch } from "../../lib/etag.ts";
import {
  IdempotencyKeyHeaderSchema,
  idempotent,
  requestFingerprint,
} from "../../lib/idempotency.ts";
import { BEARER_AUTH, jsonContent } from "../../lib/openapi.ts";
import { updateTask } from "../../tasks/queries.ts";
import { withJsonBody } from "./middleware.ts";
import { unwrittenTaskError } from "./ownership.ts";
import {
  IfMatchHeaderSchema,
  sendWriteAnswer,
  TaskCompletionSchema,
  TaskIdParamsSchema,
  taskToggleResponses,
  taskWriteAnswer,
} from "./schema.ts";

export const toggleTaskRoute = createRoute({
  method: "patch",
  path: "/api/tasks/{id}/complete",
  operationId: "toggleTask",
  tags: ["tasks"],
  summary: "Toggle or set a task's completion",
  description:
    'Without a body (or with `{}`) flips `is_completed`; with `{"is_completed": true|false}` sets it. ' +
    "With an `Idempotency-Key`, a retry answers as the first attempt did instead of flipping again.",
  security: BEARER_AUTH,
  middleware: withJsonBody,
  request: {
    params: TaskIdParamsSchema,
    headers: IdempotencyKeyHeaderSchema.extend(IfMatchHeaderSchema.shape),
    body: { required: false, content: jsonContent(TaskCompletionSchema) },
  },
  responses: taskToggleResponses,
});

export function registerToggleTask(app: App) {
  app.openapi(toggleTaskRoute, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const headers = c.req.valid("header");
    const userId = c.get("user").id;
    const request = {
      userId,
      key: headers["idempotency-key"],
      fingerprint: requestFingerprint("PATCH", c.req.path, body),
    };
    const answer = await idempotent(c.get("database").db, request, async (db) => {
      const task = await updateTask(db, {
        userId,
        id,
        changes: { isCompleted: body.is_completed ?? "flip" },
        versions: versionsIfMatch(headers["if-match"]),
      });
      if (!task) throw await unwrittenTaskError(db, { userId, id });
      return taskWriteAnswer(task, 200);
    });
    return sendWriteAnswer(c, answer);
  });
}
