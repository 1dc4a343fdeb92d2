import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../lib/context.ts";
import { validationError } from "../../lib/errors.ts";
import { BEARER_AUTH, errorResponses } from "../../lib/openapi.ts";
import { type SkipRefusal, skipOccurrence } from "../../tasks/series.ts";
import { withoutBody } from "./middleware.ts";
import { missingTaskError } from "./ownership.ts";
import { TaskIdParamsSchema, taskAnswer, taskResponse } from "./schema.ts";

export const skipTaskRoute = createRoute({
  method: "post",
  path: "/api/tasks/{id}/skip",
  operationId: "skipTask",
  tags: ["tasks"],
  summary: "Skip to a recurring task's next occurrence",
  description:
    "Moves an open recurring task to the next date of its rule without completing it (the same " +
    "task, counted as the next occurrence of its series). 422 for a task that does not repeat, " +
    "is completed, or whose rule has no further date.",
  security: BEARER_AUTH,
  middleware: withoutBody,
  request: { params: TaskIdParamsSchema },
  responses: {
    200: taskResponse("The task, due on its next occurrence."),
    ...errorResponses(401, 403, 404, 429, 503),
  },
});

const REFUSALS: Record<SkipRefusal, string> = {
  "not-recurring": "This task does not repeat, so it has no next occurrence to skip to",
  completed: "This task is completed; only an open task can be skipped",
  ended: "This task's rule has no further occurrence",
};

export function registerSkipTask(app: App) {
  app.openapi(skipTaskRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { db } = c.get("database");
    const userId = c.get("user").id;
    const task = await skipOccurrence(db, { userId, id });
    if (!task) throw await missingTaskError(db, { userId, id });
    if (typeof task === "string") {
      throw validationError([{ loc: ["path", "id"], msg: REFUSALS[task], type: "value_error" }]);
    }
    return taskAnswer(c, task, 200);
  });
}
