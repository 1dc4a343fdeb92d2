import { createRoute } from "@hono/zod-openapi";
import { unlessAccountDeleted } from "../../accounts/deleted-users.ts";
import type { App } from "../../lib/context.ts";
import { ApiError, DETAIL } from "../../lib/errors.ts";
import { BEARER_AUTH } from "../../lib/openapi.ts";
import { relabelTasks } from "../../tasks/labels.ts";
import { withoutBody } from "../tasks/middleware.ts";
import {
  LABEL_ERRORS,
  LabelNameParamsSchema,
  labelNotFound,
  RATE_LIMIT_HEADERS,
} from "./schema.ts";

export const deleteLabelRoute = createRoute({
  method: "delete",
  path: "/api/labels/{name}",
  operationId: "deleteLabel",
  tags: ["labels"],
  summary: "Remove a label from every task",
  description:
    "Removes the label (in any spelling) from every task of the caller, those in the trash included; the tasks stay. Each changed task gets a new `updated_at`.",
  security: BEARER_AUTH,
  middleware: withoutBody,
  request: { params: LabelNameParamsSchema },
  responses: {
    204: { description: "Removed.", headers: RATE_LIMIT_HEADERS },
    ...labelNotFound,
    ...LABEL_ERRORS,
  },
});

export function registerDeleteLabel(app: App) {
  app.openapi(deleteLabelRoute, async (c) => {
    const params = { userId: c.get("user").id, label: c.req.valid("param").name, to: null };
    const { db } = c.get("database");
    if ((await relabelTasks(db, params)) === 0) {
      throw await unlessAccountDeleted(db, params.userId, new ApiError(404, DETAIL.labelNotFound));
    }
    return c.body(null, 204);
  });
}
