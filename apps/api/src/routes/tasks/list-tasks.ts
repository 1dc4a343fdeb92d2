import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../lib/context.ts";
import { BEARER_AUTH, errorResponses, jsonContent } from "../../lib/openapi.ts";
import { requireUser } from "../../middleware/auth.ts";
import { encodeCursor } from "./cursor.ts";
import { countTasks, listTasks } from "./queries.ts";
import { ListTasksQuerySchema, TaskSchema, toTaskJson } from "./schema.ts";

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
  middleware: [requireUser] as const,
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
      },
      content: jsonContent(TaskSchema.array()),
    },
    ...errorResponses(401, 503),
  },
});

export function registerListTasks(app: App) {
  app.openapi(listTasksRoute, async (c) => {
    const { limit, cursor, status } = c.req.valid("query");
    const { db } = c.var.database;
    const userId = c.var.user.id;
    const [page, total] = await Promise.all([
      listTasks(db, { userId, status, limit, after: cursor }),
      countTasks(db, { userId, status }),
    ]);
    c.header("X-Total-Count", String(total));
    if (page.next) {
      const next = new URL(c.req.url);
      next.searchParams.set("limit", String(limit));
      next.searchParams.set("cursor", encodeCursor(page.next));
      c.header("Link", `<${next.pathname}${next.search}>; rel="next"`);
    }
    return c.json(page.tasks.map(toTaskJson), 200);
  });
}
