import { createRoute, z } from "@hono/zod-openapi";
import { refuseDeletedAccount } from "../../accounts/deleted-users.ts";
import type { App } from "../../lib/context.ts";
import { BEARER_AUTH, errorResponses, RATE_LIMIT_HEADERS } from "../../lib/openapi.ts";
import { csvExport, EXPORT_VERSION, jsonExport } from "../../tasks/export.ts";
import { LabelSchema } from "../labels/schema.ts";
import { TaskSchema } from "../tasks/task.types.ts";
import { accountRoute } from "./middleware.ts";

const ExportQuerySchema = z.object({
  format: z
    .enum(["json", "csv"])
    .default("json")
    .openapi({
      param: { name: "format", in: "query" },
      description: "`json` (every field, versioned) or `csv` (one row per task).",
      example: "json",
    }),
});

export const ExportSchema = z
  .object({
    version: z.literal(EXPORT_VERSION).openapi({
      description: "The shape's version; a change of shape raises it.",
      example: EXPORT_VERSION,
    }),
    exported_at: z.string().openapi({
      description: "When the export was made (ISO 8601 UTC).",
      example: "2026-12-04T09:30:00.000Z",
    }),
    tasks: TaskSchema.array().openapi({
      description:
        "Every task of the caller, completed or not, newest first, as `GET /api/tasks/{id}` answers it.",
      example: [],
    }),
    labels: LabelSchema.array().openapi({
      description: "The caller's labels, as `GET /api/labels` answers them.",
      example: [{ name: "work", task_count: 12, open_count: 5 }],
    }),
  })
  .openapi("Export", { description: "All of the caller's data." });

const CONTENT_TYPES = {
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8; header=present",
} as const;

export const exportTasksRoute = createRoute({
  method: "get",
  path: "/api/export",
  operationId: "exportTasks",
  tags: ["account"],
  summary: "Download all your data",
  description:
    "Every task of the caller (completed ones too) and their labels, as a file to save " +
    "(`Content-Disposition: attachment`), sent as it is read. CSV: RFC 4180, UTF-8 with a byte " +
    "order mark, a header row, one row per task, labels joined by `, `; a cell that starts with " +
    "`=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` so that spreadsheets do not run it.",
  security: BEARER_AUTH,
  middleware: accountRoute,
  request: { query: ExportQuerySchema },
  responses: {
    200: {
      description: "The export.",
      headers: {
        "Content-Disposition": {
          description: '`attachment; filename="taskline-export-<date>.json"` (or `.csv`).',
          schema: { type: "string" },
        },
        ...RATE_LIMIT_HEADERS,
      },
      content: {
        "application/json": { schema: ExportSchema },
        "text/csv": { schema: z.string().openapi({ example: "id,title,…\r\n" }) },
      },
    },
    ...errorResponses(401, 429, 503),
  },
});

export function registerExportTasks(app: App) {
  app.openapi(exportTasksRoute, async (c) => {
    const { format } = c.req.valid("query");
    const { db } = c.get("database");
    const userId = c.get("user").id;
    // Rare and never hot: asked first rather than after reading nothing.
    await refuseDeletedAccount(db, userId);
    const exportedAt = new Date();
    const chunks = (format === "csv" ? csvExport : jsonExport)(db, { userId, exportedAt });
    const name = `taskline-export-${exportedAt.toISOString().slice(0, 10)}.${format}`;
    // Pulled by the connection, one chunk at a time; a failure half-way cuts the connection
    // rather than ending the file as if it were complete.
    const body = pulled(chunks);
    return c.body(body, 200, {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    });
  });
}

/** The chunks as a byte stream that asks for the next one only when the connection wants it. */
function pulled(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    // The client went away: stop reading.
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
