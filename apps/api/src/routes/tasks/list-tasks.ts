import { createRoute } from "@hono/zod-openapi";
import { refuseDeletedAccount } from "../../accounts/deleted-users.ts";
import type { App } from "../../lib/context.ts";
import { jsonText } from "../../lib/json-text.ts";
import { BEARER_AUTH, errorResponses, jsonContent, RATE_LIMIT_HEADERS } from "../../lib/openapi.ts";
import { encodeCursor } from "../../tasks/cursor.ts";
import { listTaskPage, TOTAL_COUNT_CAP } from "../../tasks/list-page.ts";
import { listTrashPage } from "../../tasks/trash-page.ts";
import { ListTasksQuerySchema, listQuery } from "./list-query.types.ts";
import { withoutBody } from "./middleware.ts";
import { type TaskJson, TaskSchema } from "./schema.ts";

export const listTasksRoute = createRoute({
  method: "get",
  path: "/api/tasks",
  operationId: "listTasks",
  tags: ["tasks"],
  summary: "List your tasks",
  description:
    "The caller's tasks that match every filter given, newest first unless `sort` says otherwise " +
    "(ties by -created_at, then -id). Pages with `limit` and the opaque " +
    '`cursor` of the `Link: <…>; rel="next"` header, present while more remain. ' +
    "`X-Total-Count` is the number of tasks matching the filters, whatever the page, up to " +
    "10,000; beyond that it is left out and `X-Total-Count-Capped: 10000` says so. " +
    "`trashed=true` lists the caller's deleted tasks instead, newest deletion first, paged alike; " +
    "it takes no filter and no sort.",
  security: BEARER_AUTH,
  middleware: withoutBody,
  request: { query: ListTasksQuerySchema },
  responses: {
    200: {
      description: "One page of tasks.",
      headers: {
        "X-Total-Count": {
          description: "How many of the caller's tasks match the filters, when 10,000 or fewer.",
          schema: { type: "integer", example: 23 },
        },
        "X-Total-Count-Capped": {
          description: "`10000`, instead of `X-Total-Count`, when more tasks than that match.",
          schema: { type: "integer", example: 10000 },
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
    const query = c.req.valid("query");
    const { limit, cursor } = query;
    const { db } = c.get("database");
    const userId = c.get("user").id;
    const page = query.trashed
      ? await listTrashPage(db, { userId, limit, after: cursor })
      : await listTaskPage(db, { ...listQuery(query), userId, limit, after: cursor });
    if (page.total === 0) await refuseDeletedAccount(db, userId);
    if (page.total === undefined) c.header("X-Total-Count-Capped", String(TOTAL_COUNT_CAP));
    else c.header("X-Total-Count", String(page.total));
    if (page.next) {
      const next = new URL(c.req.url);
      next.searchParams.set("limit", String(limit));
      next.searchParams.set("cursor", encodeCursor(page.next));
      c.header("Link", `<${next.pathname}${next.search}>; rel="next"`);
    }
    return jsonText<TaskJson[], 200>(c, page.json, 200);
  });
}
