import { createRoute } from "@hono/zod-openapi";
import { unlessAccountDeleted } from "../../accounts/deleted-users.ts";
import type { App } from "../../lib/context.ts";
import { ApiError, DETAIL } from "../../lib/errors.ts";
import { withThousands } from "../../lib/format.ts";
import {
  IdempotencyKeyHeaderSchema,
  idempotent,
  requestFingerprint,
} from "../../lib/idempotency.ts";
import { BEARER_AUTH, ErrorSchema, errorResponses, jsonContent } from "../../lib/openapi.ts";
import { insertTask } from "../../tasks/queries.ts";
import { withJsonBody } from "./middleware.ts";
import { sendWriteAnswer, TaskCreateSchema, taskResponse, taskWriteAnswer } from "./schema.ts";
import { taskFields } from "./task-body.ts";

export const createTaskRoute = createRoute({
  method: "post",
  path: "/api/tasks",
  operationId: "createTask",
  tags: ["tasks"],
  summary: "Create a task",
  description:
    "Creates a task owned by the caller (the token's `sub`, never a `user_id` in the body). " +
    "With an `Idempotency-Key`, a retry answers as the first attempt did instead of creating another.",
  security: BEARER_AUTH,
  middleware: withJsonBody,
  request: {
    headers: IdempotencyKeyHeaderSchema,
    body: { required: true, content: jsonContent(TaskCreateSchema) },
  },
  responses: {
    201: {
      ...taskResponse("The created task."),
      headers: {
        ...taskResponse("").headers,
        Location: {
          description: "The new task's URL, `/api/tasks/{id}`.",
          schema: { type: "string" },
        },
      },
    },
    ...errorResponses(401, 409, 413, 415, 429, 503),
    403: {
      description: "The caller already holds as many tasks as an account may (`TASK_QUOTA`).",
      content: jsonContent(ErrorSchema),
    },
  },
});

export function registerCreateTask(app: App) {
  app.openapi(createTaskRoute, async (c) => {
    const body = c.req.valid("json");
    const userId = c.get("user").id;
    const quota = c.get("config").taskQuota;
    const request = {
      userId,
      key: c.req.valid("header")["idempotency-key"],
      fingerprint: requestFingerprint("POST", c.req.path, body),
    };
    const answer = await idempotent(c.get("database").db, request, async (db) => {
      const task = await insertTask(db, { ...taskFields(body), userId, quota });
      if (!task) {
        const full = new ApiError(403, DETAIL.taskQuotaReached(withThousands(quota)));
        throw await unlessAccountDeleted(db, userId, full);
      }
      return taskWriteAnswer(task, 201, { Location: `/api/tasks/${task.id}` });
    });
    return sendWriteAnswer(c, answer);
  });
}
