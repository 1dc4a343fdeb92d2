import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { type TaskRow, tasks, trashedTasks } from "../db/schema.ts";
import { csvLine, UTF8_BOM } from "../lib/csv.ts";
import type { TaskJson } from "../routes/tasks/task.types.ts";
import { type LabelJson, listLabels, toLabelJson } from "./labels.ts";
import { toTaskJson } from "./task-json.ts";

/**
 * A user's export, made as it is sent: the tasks are read in batches (keyset order on the
 * list's index, newest first), and the next batch only once the previous one has been taken by
 * the connection, so memory stays the same for 100 tasks or 100,000. Each batch is its own
 * statement: a task that exists for the whole export is in it exactly once (created_at and id
 * never change); one created or deleted meanwhile may or may not be.
 */

/** The export's format version: the JSON's `version`, raised on any change of its shape. */
export const EXPORT_VERSION = 1;

/** Tasks per statement and per chunk sent. */
export const EXPORT_BATCH = 500;

/** The user's tasks, every one, in batches: the live ones, then those in the trash. */
export async function* taskBatches(
  db: Db,
  params: { userId: string; batch?: number },
): AsyncGenerator<TaskRow[]> {
  yield* batchesOf(db, tasks, params);
  yield* batchesOf(db, trashedTasks, params);
}

async function* batchesOf(
  db: Db,
  table: typeof tasks | typeof trashedTasks,
  params: { userId: string; batch?: number },
): AsyncGenerator<TaskRow[]> {
  const batch = params.batch ?? EXPORT_BATCH;
  let after: TaskRow | undefined;
  for (;;) {
    const rows: TaskRow[] = await db
      .select()
      .from(table as typeof tasks)
      .where(
        and(
          eq(table.userId, params.userId),
          after &&
            sql`(${table.createdAt}, ${table.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`,
        ),
      )
      .orderBy(desc(table.createdAt), desc(table.id))
      .limit(batch);
    if (rows.length > 0) yield rows;
    if (rows.length < batch) return;
    after = rows.at(-1);
  }
}

export type ExportParams = { userId: string; exportedAt: Date; batch?: number };

/** `{"version":1,"exported_at":…,"tasks":[…],"labels":[…]}`, in chunks. */
export async function* jsonExport(db: Db, params: ExportParams): AsyncGenerator<string> {
  const labels: LabelJson[] = (await listLabels(db, params)).map(toLabelJson);
  const head = { version: EXPORT_VERSION, exported_at: params.exportedAt.toISOString() };
  yield `${JSON.stringify(head).slice(0, -1)},"tasks":[`;
  let first = true;
  for await (const rows of taskBatches(db, params)) {
    const json = rows.map((row) => JSON.stringify(toTaskJson(row))).join(",");
    yield first ? json : `,${json}`;
    first = false;
  }
  yield `],"labels":${JSON.stringify(labels)}}`;
}

/** The CSV's columns: a task's fields, in the JSON's order. */
export const CSV_COLUMNS = [
  "id",
  "title",
  "description",
  "is_completed",
  "priority",
  "due_date",
  "due_time",
  "time_zone",
  "due_at",
  "labels",
  "recurrence",
  "recurrence_from",
  "series_id",
  "next_occurrence_id",
  "created_at",
  "updated_at",
  "deleted_at",
  "user_id",
] as const satisfies readonly (keyof TaskJson)[];

/** A task as CSV cells: labels joined by ", " (a label holds no comma). */
function csvCells(task: TaskJson) {
  return CSV_COLUMNS.map((column) => {
    const value = task[column];
    return Array.isArray(value) ? value.join(", ") : value;
  });
}

/** One line per task after a header line, UTF-8 with a byte order mark, in chunks. */
export async function* csvExport(db: Db, params: ExportParams): AsyncGenerator<string> {
  yield `${UTF8_BOM}${csvLine(CSV_COLUMNS)}`;
  for await (const rows of taskBatches(db, params)) {
    yield rows.map((row) => csvLine(csvCells(toTaskJson(row)))).join("");
  }
}
