import { ApiError, apiErrorFrom } from "@/lib/api-error";
import type { Task } from "./task-api";

/** The API refused a change (412): the task changed elsewhere since the version it was based on. */
export class TaskConflictError extends ApiError {
  /** The task as it is now on the server. */
  readonly current: Task;

  constructor(message: string, current: Task) {
    super(412, message);
    this.name = "TaskConflictError";
    this.current = current;
  }
}

type Fields = Partial<Record<keyof Task, unknown>>;

/** A task's JSON as the API sends it; the 412 body is not in the OpenAPI document. */
export function isTask(value: unknown): value is Task {
  if (typeof value !== "object" || value === null) return false;
  const task: Fields = value;
  return (
    typeof task.id === "string" &&
    typeof task.user_id === "string" &&
    typeof task.title === "string" &&
    (task.description === null || typeof task.description === "string") &&
    typeof task.is_completed === "boolean" &&
    typeof task.created_at === "string" &&
    typeof task.updated_at === "string"
  );
}

/** A `TaskConflictError` for a 412 that names the current task, else the usual `ApiError`. */
export function taskErrorFrom(response: Response, body: unknown): ApiError {
  const error = apiErrorFrom(response, body);
  if (response.status !== 412 || typeof body !== "object" || body === null) return error;
  const { task }: { task?: unknown } = body;
  return isTask(task) ? new TaskConflictError(error.message, task) : error;
}
