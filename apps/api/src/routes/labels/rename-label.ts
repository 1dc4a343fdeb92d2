import { createRoute } from "@hono/zod-openapi";
import { unlessAccountDeleted } from "../../accounts/deleted-users.ts";
import type { App } from "../../lib/context.ts";
import { ApiError, DETAIL } from "../../lib/errors.ts";
import { BEARER_AUTH, errorResponses, jsonContent } from "../../lib/openapi.ts";
import { relabelTasks } from "../../tasks/labels.ts";
import { withJsonBody } from "../tasks/middleware.ts";
import {
  LABEL_ERRORS,
  LabelNameParamsSchema,
  LabelRenameSchema,
  labelNotFound,
  RATE_LIMIT_HEADERS,
} from "./schema.ts";

export const renameLabelRoute = createRoute({
  method: "patch",
  path: "/api/labels/{name}",
  operationId: "renameLabel",
  tags: ["labels"],
  summary: "Rename a label",
  description:
    "Renames the label on every task of the caller that carries it, those in the trash included, merging it into a label of the new name where a task has both. Each changed task gets a new `updated_at`.",
  security: BEARER_AUTH,
  middleware: withJsonBody,
  request: {
    params: LabelNameParamsSchema,
    body: { required: true, content: jsonContent(LabelRenameSchema) },
  },
  responses: {
    204: { description: "Renamed.", headers: RATE_LIMIT_HEADERS },
    ...labelNotFound,
    ...LABEL_ERRORS,
    ...errorResponses(413, 415),
  },
});

export function registerRenameLabel(app: App) {
  app.openapi(renameLabelRoute, async (c) => {
    const { name } = c.req.valid("param");
    const to = c.req.valid("json").name;
    const params = { userId: c.get("user").id, label: name, to };
    const { db } = c.get("database");
    if ((await relabelTasks(db, params)) === 0) {
      throw await unlessAccountDeleted(db, params.userId, new ApiError(404, DETAIL.labelNotFound));
    }
    return c.body(null, 204);
  });
}
