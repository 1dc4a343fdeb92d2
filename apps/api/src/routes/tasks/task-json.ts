import type { TaskRow } from "../../db/schema.ts";
import type { TaskJson } from "./schema.ts";

/** A stored task as the API answers it: the one mapping from a row to the `Task` schema. */
export function toTaskJson(row: TaskRow): TaskJson {
  return {
    id: row.id,
    user_id: row.userId,
    title: row.title,
    description: row.description,
    is_completed: row.isCompleted,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
