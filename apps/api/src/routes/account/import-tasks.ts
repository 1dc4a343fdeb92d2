import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { refuseDeletedAccount } from "../../accounts/deleted-users.ts";
import type { ImportedTask } from "../../import/import-result.ts";
import { type ImportFormat, readImport } from "../../import/read-import.ts";
import type { App, AppEnv } from "../../lib/context.ts";
import { ApiError, DETAIL, validationError } from "../../lib/errors.ts";
import {
  BEARER_AUTH,
  ErrorSchema,
  errorResponses,
  jsonContent,
  RATE_LIMIT_HEADERS,
} from "../../lib/openapi.ts";
import { storedLabels } from "../../tasks/fields.ts";
import { importTasks } from "../../tasks/import-tasks.ts";
import { taskFields } from "../tasks/task-body.ts";
import {
  ImportPreviewSchema,
  ImportQuerySchema,
  ImportResultSchema,
  PREVIEW_TASKS,
} from "./import.types.ts";
import { accountRoute } from "./middleware.ts";

export const IMPORT_PATH = "/api/import";
/** An import's body limit, in place of the API's 64 KiB. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const FILE_DESCRIPTION =
  "Our JSON export (`GET /api/export`, version 1) or Todoist's CSV (its template export).";

export const importTasksRoute = createRoute({
  method: "post",
  path: IMPORT_PATH,
  operationId: "importTasks",
  tags: ["account"],
  summary: "Import tasks from a file",
  description:
    "Creates the tasks of a file, all or none, in one transaction: our JSON export (tasks in its trash are " +
    "skipped; completed ones stay completed) or Todoist's CSV (sections become labels, notes join the " +
    "description, `@words` become labels, recurring dates become rules, other columns become lines of the " +
    "description). Each task gets a new id and `created_at`, and must pass the rules of `POST /api/tasks`: " +
    "one that does not is skipped, with the reason. The body is a multipart form with a `file`, or the file " +
    "itself as `application/json` or `text/csv`; at most 10 MB. With `preview=true` nothing is written.",
  security: BEARER_AUTH,
  middleware: accountRoute,
  request: {
    query: ImportQuerySchema,
    body: {
      required: true,
      content: {
        "multipart/form-data": {
          schema: {
            type: "object",
            properties: {
              file: { type: "string", format: "binary", description: FILE_DESCRIPTION },
            },
            required: ["file"],
          },
        },
        "application/json": { schema: { $ref: "#/components/schemas/Export" } },
        "text/csv": { schema: { type: "string", description: "Todoist's CSV." } },
      },
    },
  },
  responses: {
    200: {
      description: "`preview=true`: what would be imported.",
      headers: RATE_LIMIT_HEADERS,
      content: jsonContent(ImportPreviewSchema),
    },
    201: {
      description: "Imported.",
      headers: RATE_LIMIT_HEADERS,
      content: jsonContent(ImportResultSchema),
    },
    ...errorResponses(401, 415, 429, 503),
    403: {
      description: "The tasks would take the caller past `TASK_QUOTA`; nothing was written.",
      content: jsonContent(ErrorSchema),
    },
    413: { description: "The body is larger than 10 MB.", content: jsonContent(ErrorSchema) },
  },
});

const FORMAT_OF: Record<string, ImportFormat> = {
  "application/json": "taskline-json",
  "text/csv": "todoist-csv",
};

/** The file sent, and the format its content type names. */
async function sentFile(c: Context<AppEnv>): Promise<{ text: string; declared?: ImportFormat }> {
  const mediaType = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (mediaType === "multipart/form-data") {
    const form = await c.req.parseBody().catch(() => {
      throw new ApiError(422, DETAIL.unreadableForm);
    });
    const file = form.file;
    if (!(file instanceof File)) {
      throw validationError([{ loc: ["body", "file"], msg: "Field required", type: "missing" }]);
    }
    return { text: await file.text() };
  }
  const declared = FORMAT_OF[mediaType];
  if (declared === undefined) throw new ApiError(415, DETAIL.unsupportedImportType);
  return { text: await c.req.text(), declared };
}

/** A task as it would be created, its defaults filled in. */
function shownTask(task: ImportedTask) {
  const fields = taskFields(task);
  return {
    title: fields.title,
    description: fields.description,
    is_completed: task.is_completed,
    priority: fields.priority,
    due_date: fields.due.dueDate,
    due_time: fields.due.dueTime,
    time_zone: fields.due.timeZone,
    labels: storedLabels(fields.labels).labels,
    recurrence: fields.recurrence,
    recurrence_from: fields.recurrenceFrom,
  };
}

export function registerImportTasks(app: App) {
  app.openapi(importTasksRoute, async (c) => {
    const { preview, tz } = c.req.valid("query");
    const { text, declared } = await sentFile(c);
    const read = readImport(text, declared, { timeZone: tz });
    const { tasks, skipped } = read.result;
    const { db } = c.get("database");
    const userId = c.get("user").id;
    if (preview) {
      // Writes nothing, so nothing else would tell a deleted account.
      await refuseDeletedAccount(db, userId);
      const shown = tasks.slice(0, PREVIEW_TASKS).map(shownTask);
      return c.json(
        { format: read.format, would_create: tasks.length, tasks: shown, skipped },
        200,
      );
    }
    const quota = c.get("config").taskQuota;
    const created = await importTasks(db, { userId, quota, tasks });
    return c.json({ created, skipped }, 201);
  });
}
