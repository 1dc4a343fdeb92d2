import { type Task, unorganizedFields } from "../task-api";
import { storedReminders } from "./fake-reminders";

/** The list's organizing filters as the API applies them: `label`, `due_after`, `due_before`, `q`. */
export function matchesQuery(task: Task, query: URLSearchParams): boolean {
  const labels = query.get("label");
  if (labels) {
    const keys = task.labels.map((label) => label.toLowerCase());
    if (!labels.split(",").every((label) => keys.includes(label.trim().toLowerCase()))) {
      return false;
    }
  }
  const q = query.get("q");
  if (q !== null && !searchMatches(task, q)) return false;
  const after = query.get("due_after");
  const before = query.get("due_before");
  if (after === null && before === null) return true;
  if (task.due_date === null) return false;
  return (after === null || task.due_date >= after) && (before === null || task.due_date <= before);
}

/** Lower-cased, without accents, as the API folds text for searching. */
const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
const words = (text: string) => fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];

/** pg_trgm's trigram similarity of two words. */
function similarity(a: string, b: string): number {
  const grams = (word: string) => {
    const padded = [...`  ${word} `];
    return new Set(padded.slice(2).map((_, i) => padded.slice(i, i + 3).join("")));
  };
  const left = grams(a);
  const right = grams(b);
  const shared = [...left].filter((gram) => right.has(gram)).length;
  return shared / (left.size + right.size - shared);
}

/**
 * The API's search: the folded text holds the search as a substring, or every word of the search
 * is like a word of the text (trigram similarity ≥ 0.5: typos and most word forms).
 */
function textMatches(text: string, q: string): boolean {
  if (fold(text).includes(fold(q.trim()))) return true;
  const own = words(text);
  const wanted = words(q);
  return (
    wanted.length > 0 &&
    wanted.every((term) => own.some((word) => word.includes(term) || similarity(word, term) >= 0.5))
  );
}

export const searchMatches = (task: Task, q: string) =>
  textMatches(`${task.title} ${task.description ?? ""}`, q);

const RANK = { none: 0, low: 1, medium: 2, high: 3 } as const;

export const newestFirst = (a: Position, b: Position) =>
  a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1;

/** What a cursor keeps of the last task of a page: enough to place any task before or after it. */
export type Position = Pick<
  Task,
  "created_at" | "id" | "priority" | "title" | "due_date" | "due_time"
>;

/** The wall-clock due moment: every task of a test is in one zone, so it orders like `due_at`. */
const dueKey = (task: Position) =>
  task.due_date === null ? null : `${task.due_date}T${task.due_time ?? "24:00"}`;

/**
 * The API's order for `sort` (ties newest first); relevance (with `q`) puts title matches first.
 */
export function comparator(sort: string, q: string | null): (a: Position, b: Position) => number {
  const descending = sort.startsWith("-");
  const direction = descending ? -1 : 1;
  const key = sort.replace(/^-/, "");
  const primary = (a: Position, b: Position): number => {
    switch (key) {
      case "priority":
        return (RANK[a.priority] - RANK[b.priority]) * direction;
      case "title": {
        const [x, y] = [a.title.toLowerCase(), b.title.toLowerCase()];
        return (x === y ? 0 : x < y ? -1 : 1) * direction;
      }
      case "due_at": {
        const [x, y] = [dueKey(a), dueKey(b)];
        if (x === y) return 0;
        if (x === null) return 1;
        if (y === null) return -1;
        return (x < y ? -1 : 1) * direction;
      }
      case "relevance":
        return Number(textMatches(b.title, q ?? "")) - Number(textMatches(a.title, q ?? ""));
      case "created_at":
        return descending ? 0 : -newestFirst(a, b);
      default:
        return 0;
    }
  };
  return (a, b) => primary(a, b) || newestFirst(a, b);
}

/** `GET /api/labels`: each label (first spelling), how many tasks carry it and how many are open. */
export function labelsOf(tasks: Task[]) {
  const byKey = new Map<string, { name: string; task_count: number; open_count: number }>();
  for (const task of tasks) {
    for (const name of task.labels) {
      const key = name.toLowerCase();
      const entry = byKey.get(key) ?? { name, task_count: 0, open_count: 0 };
      entry.task_count += 1;
      if (!task.is_completed) entry.open_count += 1;
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()].sort((a, b) =>
    a.name.toLowerCase().localeCompare(b.name.toLowerCase()),
  );
}

/** Labels as the API stores them: trimmed, first spelling of each kept, sorted ignoring case. */
export function storedLabels(labels: readonly unknown[]): string[] {
  const byKey = new Map<string, string>();
  for (const raw of labels) {
    const label = String(raw).trim();
    if (!byKey.has(label.toLowerCase())) byKey.set(label.toLowerCase(), label);
  }
  return [...byKey.keys()].sort().map((key) => byKey.get(key) ?? key);
}

/** The organizing fields of a create body, as the API stores them (no `due_at`: not needed here). */
export function organizingFieldsOf(body: Record<string, unknown> | undefined): Partial<Task> {
  const fields: Partial<Task> = {};
  const priority = body?.priority;
  if (priority === "low" || priority === "medium" || priority === "high")
    fields.priority = priority;
  if (Array.isArray(body?.labels)) fields.labels = storedLabels(body.labels);
  if (typeof body?.due_date === "string") {
    fields.due_date = body.due_date;
    fields.due_time = typeof body.due_time === "string" ? body.due_time : null;
    fields.time_zone = typeof body.time_zone === "string" ? body.time_zone : "UTC";
  }
  Object.assign(fields, recurrenceOf(body ?? {}));
  if (Array.isArray(body?.reminders)) {
    fields.reminders = storedReminders(body.reminders, { ...fakeBlank(), ...fields });
  }
  return fields;
}

/** The recurrence fields a body names (the API checks the rule; the fake keeps it as given). */
function recurrenceOf(body: Record<string, unknown>): Partial<Task> {
  const fields: Partial<Task> = {};
  if (typeof body.recurrence === "string" || body.recurrence === null) {
    fields.recurrence = body.recurrence;
  }
  if (body.recurrence_from === "due" || body.recurrence_from === "completion") {
    fields.recurrence_from = body.recurrence_from;
  }
  return fields;
}

/**
 * A PATCH's organizing fields applied to `task` as the API does: only what it names; clearing the
 * due date clears its time and zone. Null when a due time or zone is left without a due date.
 */
export function patchOrganizing(task: Task, body: Record<string, unknown>): Task | null {
  const next = { ...task };
  if (typeof body.priority === "string") next.priority = body.priority as Task["priority"];
  if (Array.isArray(body.labels)) next.labels = storedLabels(body.labels);
  if ("due_date" in body) {
    if (body.due_date === null) {
      Object.assign(next, { due_date: null, due_time: null, time_zone: null, due_at: null });
    } else {
      next.due_date = String(body.due_date);
      next.time_zone = next.time_zone ?? "UTC";
      next.due_at = null;
    }
  }
  if ("due_time" in body) next.due_time = (body.due_time as string | null) ?? null;
  if (typeof body.time_zone === "string") next.time_zone = body.time_zone;
  Object.assign(next, recurrenceOf(body));
  if (Array.isArray(body.reminders)) next.reminders = storedReminders(body.reminders, next);
  const dueless = next.due_date === null && (next.due_time !== null || next.time_zone !== null);
  return dueless ? null : next;
}

/** A task with no fields set, to read a new task's reminders against. */
const fakeBlank = (): Task => ({
  id: "",
  user_id: "",
  title: "",
  description: null,
  is_completed: false,
  ...unorganizedFields(),
  created_at: "",
  updated_at: "",
});
