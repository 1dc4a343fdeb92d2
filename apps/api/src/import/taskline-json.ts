import { EXPORT_VERSION } from "../tasks/export.ts";
import { checkedTask, ImportFileError, type ImportResult } from "./import-result.ts";

/**
 * The fields of an exported task an import takes; ids, times and series are made anew (a
 * reminder is taken by its offset or moment).
 */
const TAKEN = [
  "title",
  "description",
  "priority",
  "due_date",
  "due_time",
  "time_zone",
  "labels",
  "recurrence",
  "recurrence_from",
  "reminders",
] as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Our own JSON export (`GET /api/export`) as the tasks it holds; those in the trash are skipped. */
export function parseTasklineJson(text: string): ImportResult {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new ImportFileError("The file is not valid JSON");
  }
  if (!isObject(document) || !Array.isArray(document.tasks)) {
    throw new ImportFileError('The JSON is not a Taskline export: it has no "tasks" list');
  }
  if (document.version !== EXPORT_VERSION) {
    throw new ImportFileError(
      `Unsupported export version ${JSON.stringify(document.version)}: this server reads version ${EXPORT_VERSION}`,
    );
  }
  const result: ImportResult = { tasks: [], skipped: [] };
  document.tasks.forEach((item: unknown, index) => {
    const row = index + 1;
    if (!isObject(item)) {
      result.skipped.push({ row, reason: "Not a task object" });
      return;
    }
    if (item.deleted_at !== null && item.deleted_at !== undefined) {
      result.skipped.push({ row, reason: "in the trash" });
      return;
    }
    const fields = Object.fromEntries(
      TAKEN.filter((key) => item[key] !== undefined).map((key) => [key, item[key]]),
    );
    const checked = checkedTask(fields, item.is_completed === true);
    if ("task" in checked) result.tasks.push(checked.task);
    else result.skipped.push({ row, reason: checked.reason });
  });
  return result;
}
