import type { Task } from "../task-api";

/** The list's organizing filters as the API applies them: `label`, `due_after`, `due_before`. */
export function matchesQuery(task: Task, query: URLSearchParams): boolean {
  const labels = query.get("label");
  if (labels) {
    const keys = task.labels.map((label) => label.toLowerCase());
    if (!labels.split(",").every((label) => keys.includes(label.trim().toLowerCase()))) {
      return false;
    }
  }
  const after = query.get("due_after");
  const before = query.get("due_before");
  if (after === null && before === null) return true;
  if (task.due_date === null) return false;
  return (after === null || task.due_date >= after) && (before === null || task.due_date <= before);
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

/** The organizing fields of a create body, as the API stores them (no `due_at`: not needed here). */
export function organizingFieldsOf(body: Record<string, unknown> | undefined): Partial<Task> {
  const fields: Partial<Task> = {};
  const priority = body?.priority;
  if (priority === "low" || priority === "medium" || priority === "high")
    fields.priority = priority;
  if (Array.isArray(body?.labels)) fields.labels = body.labels.map(String);
  if (typeof body?.due_date === "string") {
    fields.due_date = body.due_date;
    fields.due_time = typeof body.due_time === "string" ? body.due_time : null;
    fields.time_zone = typeof body.time_zone === "string" ? body.time_zone : "UTC";
  }
  return fields;
}
