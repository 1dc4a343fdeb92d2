import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../lib/context.ts";
import { jsonText } from "../../lib/json-text.ts";
import { BEARER_AUTH, errorResponses, jsonContent, RATE_LIMIT_HEADERS } from "../../lib/openapi.ts";
import { requireUser } from "../../middleware/auth.ts";
import { rateLimit } from "../../middleware/rate-limit.ts";
import { encodeCursor } from "./cursor.ts";
import { listTaskPage } from "./list-page.ts";
import { ListTasksQuerySchema, type TaskJson, TaskSchema } from "./schema.ts";

export const listTasksRoute = createRoute({
  method: "get",
  path: "/api/tasks",
  operationId: "listTasks",
  tags: ["tasks"],
  summary: "List your tasks",
  description:
    "The caller's tasks, newest first (ties broken by id). Pages with `limit` and the opaque " +
    '`cursor` of the `Link: <…>; rel="next"` header, present while more remain. ' +
    "`X-Total-Count` is the number of tasks matching `status`, whatever the page.",
  security: BEARER_AUTH,
  middleware: [requireUser, rateLimit] as const,
  request: { query: ListTasksQuerySchema },
  responses: {
    200: {
      description: "One page of tasks.",
      headers: {
        "X-Total-Count": {
          description: "How many of the caller's tasks match `status`.",
          schema: { type: "integer", example: 23 },
        },
        Link: {
          description:
            'The next page, as `</api/tasks?limit=…&cursor=…>; rel="next"`; absent on the last page.',
          schema: { type: "string" },
        },
        ...RATE_LIMIT_HEADERS,
      },
      content: jsonContent(TaskSchema.array()),
    },
    ...errorResponses(401, 429, 503),
  },
});

export function registerListTasks(app: App) {
  app.openapi(listTasksRoute, async (c) => {
    const { limit, cursor, status } = c.req.valid("query");
    const page = await listTaskPage(c.get("database").db, {
      userId: c.get("user").id,
      status,
      limit,
      after: cursor,
    });
    c.header("X-Total-Count", String(page.total));
    if (page.next) {
      const next = new URL(c.req.url);
      next.searchParams.set("limit", String(limit));
      next.searchParams.set("cursor", encodeCursor(page.next));
      c.header("Link", `<${next.pathname}${next.search}>; rel="next"`);
    }
    // The page is already the response's JSON (list-page.ts): sent as is.
    return jsonText<TaskJson[], 200>(c, page.json, 200);
  });
}
