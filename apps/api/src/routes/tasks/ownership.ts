import { unlessAccountDeleted } from "../../accounts/deleted-users.ts";
import type { Db } from "../../db/client.ts";
import { ApiError, DETAIL } from "../../lib/errors.ts";
import { etagOf } from "../../lib/etag.ts";
import { findTask, taskExists } from "../../tasks/queries.ts";
import { toTaskJson } from "../../tasks/task-json.ts";
import { findTrashedTask } from "../../tasks/trash.ts";

/**
 * Called only after an owner-filtered query found nothing: 403 when the task exists but belongs
 * to someone else, 404 when there is no such task; 401 instead of either when the caller's
 * account was deleted (they have no tasks left, so every lookup of theirs ends here).
 */
export async function missingTaskError(
  db: Db,
  params: { userId: string; id: string },
): Promise<ApiError> {
  const error = (await taskExists(db, { id: params.id }))
    ? new ApiError(403, DETAIL.forbiddenTask)
    : new ApiError(404, DETAIL.taskNotFound);
  return unlessAccountDeleted(db, params.userId, error);
}

/** 412: the task as it is now (and its ETag), which is not in a version the If-Match named. */
export const taskChangedError = (current: Parameters<typeof toTaskJson>[0]) =>
  new ApiError(
    412,
    DETAIL.taskChanged,
    { ETag: etagOf(current.updatedAt) },
    { task: toTaskJson(current) },
  );

/**
 * Why an owner-filtered write changed nothing: 412 with the task as it is now (and its ETag)
 * when the caller has it but not in a version its If-Match named (`trashed`: in their trash
 * too); else as `missingTaskError`.
 */
export async function unwrittenTaskError(
  db: Db,
  params: { userId: string; id: string; trashed?: boolean },
): Promise<ApiError> {
  const current =
    (await findTask(db, params)) ??
    (params.trashed ? await findTrashedTask(db, params) : undefined);
  if (current !== undefined) return taskChangedError(current);
  return missingTaskError(db, params);
}
