import { parse } from "csv-parse/sync";
import { Temporal } from "temporal-polyfill";
import { LABEL_MAX } from "../routes/tasks/task.types.ts";
import { timeZoneName } from "../tasks/due.ts";
import type { Priority } from "../tasks/fields.ts";
import { checkedTask, ImportFileError, type ImportResult } from "./import-result.ts";
import { readTodoistDate } from "./todoist-date.ts";

/**
 * Todoist's CSV ("export as a template"): one row per task, section or note, its columns found by
 * header name in any order. Sections become labels of the tasks under them, notes join the
 * description of the task above, and every other non-empty cell stays in the description as a
 * line of its own, so that nothing is lost.
 */

/** The columns read into fields; DATE_LANG and DEADLINE_LANG only say the language of a date. */
const READ = new Set([
  "TYPE",
  "CONTENT",
  "DESCRIPTION",
  "PRIORITY",
  "INDENT",
  "DATE",
  "TIMEZONE",
  "DATE_LANG",
  "DEADLINE_LANG",
]);

/** Todoist's visible scale: 1 (p1) is the highest. */
const PRIORITY: Record<string, Priority> = { "1": "high", "2": "medium", "3": "low", "4": "none" };

/** `@label` words of a title, not the `@` of an address (it follows a letter, not a space). */
const LABEL_WORD = /(?<=^|\s)@(\S+)/gu;

/** A section name or `@word` as a label by the label rules, or undefined when nothing is left. */
export function asLabel(text: string): string | undefined {
  const label = [...text.replaceAll(",", " ").replace(/\s+/g, " ").trim().replace(/^#+/, "").trim()]
    .slice(0, LABEL_MAX)
    .join("")
    .trim();
  return label === "" ? undefined : label;
}

export type TodoistOptions = {
  /** The zone of a date whose row names none (the `tz` query parameter, else UTC). */
  timeZone: string;
  now?: Temporal.Instant;
};

type Fields = Record<string, unknown> & { description: string | null };

/** The task being read: a note below it may still add to its description. */
type Pending = { row: number; fields: Fields | undefined };

export function parseTodoistCsv(text: string, options: TodoistOptions): ImportResult {
  const [header, ...records] = readRecords(text);
  const names = (header ?? []).map((name) => name.trim().toUpperCase());
  if (!names.includes("TYPE") || !names.includes("CONTENT")) {
    throw new ImportFileError(
      "Not a Todoist CSV: the first row should name the columns, TYPE and CONTENT among them",
    );
  }
  const now = options.now ?? Temporal.Now.instant();
  const result: ImportResult = { tasks: [], skipped: [] };
  const titles: string[] = [];
  let section: string | undefined;
  let last: Pending | undefined;
  const finish = () => {
    if (!last?.fields) return;
    const checked = checkedTask(last.fields, false);
    if ("task" in checked) result.tasks.push(checked.task);
    else result.skipped.push({ row: last.row, reason: checked.reason });
  };

  records.forEach((cells, index) => {
    const row = index + 1;
    const cell = (name: string) => (cells[names.indexOf(name)] ?? "").trim();
    const type = cell("TYPE").toLowerCase();
    if (type === "section") {
      section = asLabel(cell("CONTENT"));
    } else if (type === "note") {
      if (last?.fields) last.fields.description = joined(last.fields.description, cell("CONTENT"));
      else
        result.skipped.push({
          row,
          reason: last ? "The task above it was skipped" : "A note without a task above it",
        });
    } else if (type === "meta") {
      // The project's view settings: nothing of a task.
    } else if (type === "task") {
      finish();
      const read = readTask({ cell, names, cells, section, titles, options, now });
      if ("reason" in read) result.skipped.push({ row, reason: read.reason });
      last = { row, fields: "fields" in read ? read.fields : undefined };
    } else if (cells.some((value) => value.trim() !== "")) {
      result.skipped.push({ row, reason: `Unknown TYPE ${JSON.stringify(cell("TYPE"))}` });
    }
  });
  finish();
  return result;
}

function readRecords(text: string): string[][] {
  try {
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : "unreadable";
    throw new ImportFileError(`The CSV cannot be read: ${reason}`);
  }
}

/** Two blocks of a description, a blank line between. */
const joined = (first: string | null | undefined, second: string) =>
  [first, second]
    .filter((part) => part !== undefined && part !== null && part !== "")
    .join("\n\n") || null;

function readTask(params: {
  cell: (name: string) => string;
  names: string[];
  cells: string[];
  section: string | undefined;
  titles: string[];
  options: TodoistOptions;
  now: Temporal.Instant;
}): { fields: Fields } | { reason: string } {
  const { cell, names, cells, section, titles } = params;
  const content = cell("CONTENT");
  const labels = section === undefined ? [] : [section];
  const title = content
    .replace(LABEL_WORD, (_, word: string) => {
      const label = asLabel(word);
      if (label !== undefined) labels.push(label);
      return "";
    })
    .replace(/\s+/g, " ")
    .trim();
  // Its place among the tasks above, for the subtasks below it.
  const indent = Math.max(1, Number.parseInt(cell("INDENT"), 10) || 1);
  titles.length = indent - 1;
  const parent = indent > 1 ? titles.at(-1) : undefined;
  titles.push(title);
  if (content === "") return { reason: "Empty CONTENT" };

  const zone = timeZoneName(cell("TIMEZONE")) ?? timeZoneName(params.options.timeZone) ?? "UTC";
  const { unread, ...due } = readTodoistDate(cell("DATE"), zone, params.now);
  const lines = [
    ...(parent === undefined ? [] : [`Subtask of: ${parent}`]),
    ...(unread === undefined ? [] : [`Date: ${unread}`]),
    ...names
      .map((name, at) => [name, (cells[at] ?? "").trim()] as const)
      .filter(([name, value]) => !READ.has(name) && value !== "")
      .map(([name, value]) => `${name}: ${value}`),
  ];
  const priority = PRIORITY[cell("PRIORITY")];
  if (cell("PRIORITY") !== "" && priority === undefined) {
    lines.push(`PRIORITY: ${cell("PRIORITY")}`);
  }
  const description = joined(cell("DESCRIPTION"), lines.join("\n"));
  return { fields: { title, description, priority: priority ?? "none", labels, ...due } };
}
