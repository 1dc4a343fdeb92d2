import { createRoute } from "@hono/zod-openapi";
import { deleteAccount } from "../../accounts/deleted-users.ts";
import type { App } from "../../lib/context.ts";
import { BEARER_AUTH, errorResponses, RATE_LIMIT_HEADERS } from "../../lib/openapi.ts";
import { accountRoute } from "./middleware.ts";

export const deleteAccountRoute = createRoute({
  method: "delete",
  path: "/api/me",
  operationId: "deleteAccount",
  tags: ["account"],
  summary: "Delete all your data",
  description:
    "Removes every task, label and stored Idempotency-Key answer of the caller, in one transaction, " +
    "and records the account as deleted: from then on every request with a token of this user, " +
    "however long it is still valid, is refused with 401 `Account deleted`. Asking again answers 204 too.",
  security: BEARER_AUTH,
  middleware: accountRoute,
  responses: {
    204: { description: "Everything of the caller's is gone.", headers: RATE_LIMIT_HEADERS },
    ...errorResponses(401, 429, 503),
  },
});

export function registerDeleteAccount(app: App) {
  app.openapi(deleteAccountRoute, async (c) => {
    await deleteAccount(c.get("database").db, c.get("user").id);
    return c.body(null, 204);
  });
}
