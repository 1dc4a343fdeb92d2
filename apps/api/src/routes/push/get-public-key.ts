import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../lib/context.ts";
import { BEARER_AUTH, jsonContent } from "../../lib/openapi.ts";
import { vapidKeysOf } from "../../push/vapid-keys.ts";
import { withoutBody } from "../tasks/middleware.ts";
import { PUSH_ERRORS, PublicKeySchema, RATE_LIMIT_HEADERS } from "./schema.ts";

export const getPublicKeyRoute = createRoute({
  method: "get",
  path: "/api/push/public-key",
  operationId: "getPushPublicKey",
  tags: ["push"],
  summary: "The key to subscribe with",
  description: "The VAPID public key a browser subscribes to push messages with.",
  security: BEARER_AUTH,
  middleware: withoutBody,
  responses: {
    200: {
      description: "The public key.",
      headers: RATE_LIMIT_HEADERS,
      content: jsonContent(PublicKeySchema),
    },
    ...PUSH_ERRORS,
  },
});

export function registerGetPublicKey(app: App) {
  app.openapi(getPublicKeyRoute, (c) =>
    c.json({ public_key: vapidKeysOf(c.get("config")).publicKey }, 200),
  );
}
