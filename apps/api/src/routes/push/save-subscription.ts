import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../lib/context.ts";
import { validationError } from "../../lib/errors.ts";
import { BEARER_AUTH, errorResponses, jsonContent } from "../../lib/openapi.ts";
import { endpointProblem } from "../../push/push-endpoint.ts";
import { SUBSCRIPTIONS_MAX, saveSubscription } from "../../push/subscriptions.ts";
import { withJsonBody } from "../tasks/middleware.ts";
import {
  PUSH_ERRORS,
  PushSubscriptionSchema,
  RATE_LIMIT_HEADERS,
  SubscribedSchema,
} from "./schema.ts";

export const saveSubscriptionRoute = createRoute({
  method: "post",
  path: "/api/push/subscriptions",
  operationId: "savePushSubscription",
  tags: ["push"],
  summary: "Receive reminders in this browser",
  description: `Stores the browser's push subscription for the caller: their reminders are pushed to it. Posting an endpoint again updates it (and makes it the caller's). A user keeps up to ${SUBSCRIPTIONS_MAX} browsers; one more replaces the longest unused.`,
  security: BEARER_AUTH,
  middleware: withJsonBody,
  request: { body: { required: true, content: jsonContent(PushSubscriptionSchema) } },
  responses: {
    201: {
      description: "Stored.",
      headers: RATE_LIMIT_HEADERS,
      content: jsonContent(SubscribedSchema),
    },
    ...PUSH_ERRORS,
    ...errorResponses(413, 415),
  },
});

export function registerSaveSubscription(app: App) {
  app.openapi(saveSubscriptionRoute, async (c) => {
    const { endpoint, keys } = c.req.valid("json");
    const problem = await endpointProblem(endpoint, c.get("config").push.allowLoopback);
    if (problem !== undefined) {
      throw validationError([{ loc: ["body", "endpoint"], msg: problem, type: "value_error" }]);
    }
    const row = await saveSubscription(c.get("database").db, {
      userId: c.get("user").id,
      endpoint,
      ...keys,
    });
    return c.json(
      {
        endpoint: row?.endpoint ?? endpoint,
        created_at: (row?.createdAt ?? new Date()).toISOString(),
        updated_at: (row?.updatedAt ?? new Date()).toISOString(),
      },
      201,
    );
  });
}
