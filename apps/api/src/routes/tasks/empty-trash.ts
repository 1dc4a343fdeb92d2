import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../lib/context.ts";
import { BEARER_AUTH, errorResponses, RATE_LIMIT_HEADERS } from "../../lib/openapi.ts";
import { emptyTrash } from "../../tasks/trash.ts";
import { withoutBody } from "./middleware.ts";

const EmptyTrashQuerySchema = z.object({
  trashed: z.literal("true").openapi({
    param: { name: "trashed", in: "query", required: true },
    description: "Must be `true`: what is deleted is the trash, never the live tasks.",
    example: "true",
  }),
});

export const emptyTrashRoute = createRoute({
  method: "delete",
  path: "/api/tasks",
  operationId: "emptyTrash",
  tags: ["tasks"],
  summary: "Empty the trash",
  description:
    "Deletes every task in the caller's trash for good. Their live tasks stay; without `trashed=true` it is a 422.",
  security: BEARER_AUTH,
  middleware: withoutBody,
  request: { query: EmptyTrashQuerySchema },
  responses: {
    204: { description: "The trash is empty.", headers: RATE_LIMIT_HEADERS },
    ...errorResponses(401, 429, 503),
  },
});

export function registerEmptyTrash(app: App) {
  app.openapi(emptyTrashRoute, async (c) => {
    await emptyTrash(c.get("database").db, { userId: c.get("user").id });
    return c.body(null, 204);
  });
}
