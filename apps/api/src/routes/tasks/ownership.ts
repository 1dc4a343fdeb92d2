import type { Db } from "../../db/client.ts";
import { ApiError, DETAIL } from "../../lib/errors.ts";
import { taskExists } from "./queries.ts";

/**
 * Called only after an owner-filtered query found nothing: 403 when the task exists but belongs
 * to someone else, 404 when there is no such task.
 */
export async function missingTaskError(db: Db, id: string): Promise<ApiError> {
  return (await taskExists(db, { id }))
    ? new ApiError(403, DETAIL.forbiddenTask)
    : new ApiError(404, DETAIL.taskNotFound);
}
