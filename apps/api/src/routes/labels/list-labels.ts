import { createRoute } from "@hono/zod-openapi";
import { refuseDeletedAccount } from "../../accounts/deleted-users.ts";
import type { App } from "../../lib/context.ts";
import { BEARER_AUTH, jsonContent } from "../../lib/openapi.ts";
import { listLabels, toLabelJson } from "../../tasks/labels.ts";
import { withoutBody } from "../tasks/middleware.ts";
import { LABEL_ERRORS, LabelSchema, RATE_LIMIT_HEADERS } from "./schema.ts";

export const listLabelsRoute = createRoute({
  method: "get",
  path: "/api/labels",
  operationId: "listLabels",
  tags: ["labels"],
  summary: "List your labels",
  description: "The labels on the caller's tasks, sorted ignoring case, with their task counts.",
  security: BEARER_AUTH,
  middleware: withoutBody,
  responses: {
    200: {
      description: "The caller's labels.",
      headers: RATE_LIMIT_HEADERS,
      content: jsonContent(LabelSchema.array()),
    },
    ...LABEL_ERRORS,
  },
});

export function registerListLabels(app: App) {
  app.openapi(listLabelsRoute, async (c) => {
    const { db } = c.get("database");
    const userId = c.get("user").id;
    const labels = await listLabels(db, { userId });
    if (labels.length === 0) await refuseDeletedAccount(db, userId);
    return c.json(labels.map(toLabelJson), 200);
  });
}
