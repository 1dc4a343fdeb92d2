import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../lib/context.ts";
import { BEARER_AUTH, errorResponses, jsonContent } from "../../lib/openapi.ts";
import { deleteSubscription } from "../../push/subscriptions.ts";
import { withJsonBody } from "../tasks/middleware.ts";
import { PUSH_ERRORS, PushSubscriptionDeleteSchema, RATE_LIMIT_HEADERS } from "./schema.ts";

export const deleteSubscriptionRoute = createRoute({
  method: "delete",
  path: "/api/push/subscriptions",
  operationId: "deletePushSubscription",
  tags: ["push"],
  summary: "Stop receiving reminders in this browser",
  description:
    "Removes the caller's subscription with this endpoint. Answers 204 whether or not the caller had it.",
  security: BEARER_AUTH,
  middleware: withJsonBody,
  request: { body: { required: true, content: jsonContent(PushSubscriptionDeleteSchema) } },
  responses: {
    204: { description: "The caller no longer has it.", headers: RATE_LIMIT_HEADERS },
    ...PUSH_ERRORS,
    ...errorResponses(413, 415),
  },
});

export function registerDeleteSubscription(app: App) {
  app.openapi(deleteSubscriptionRoute, async (c) => {
    const { endpoint } = c.req.valid("json");
    await deleteSubscription(c.get("database").db, { userId: c.get("user").id, endpoint });
    return c.body(null, 204);
  });
}
