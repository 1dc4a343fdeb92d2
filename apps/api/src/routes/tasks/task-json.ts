import type { TaskRow } from "../../db/schema.ts";
import { priorityName } from "../../tasks/fields.ts";
import type { TaskJson } from "./task.types.ts";

/** A stored task as the API answers it: the one mapping from a row to the `Task` schema. */
export function toTaskJson(row: TaskRow): TaskJson {
  return {
    id: row.id,
    user_id: row.userId,
    title: row.title,
    description: row.description,
    is_completed: row.isCompleted,
    priority: priorityName(row.priority),
    due_date: row.dueDate,
    due_time: row.dueTime?.slice(0, 5) ?? null,
    time_zone: row.timeZone,
    due_at: row.dueAt?.toISOString() ?? null,
    labels: row.labels,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
