import type { ApiClient } from "@/lib/api-client";
import { apiErrorFrom } from "@/lib/api-error";
import { nextCursorFrom, PAGE_SIZE, type Task, type TaskPage } from "./task-api";
import { taskErrorFrom } from "./task-conflict";

/**
 * The trash: a deleted task waits there for TRASH_DAYS days (each with its `deleted_at`), newest
 * deletion first, until it is restored or deleted for good.
 */
export const TRASH_DAYS = 30;

export async function listTrash(
  api: ApiClient,
  params: { cursor?: string | null; limit?: number } = {},
): Promise<TaskPage> {
  const query: { trashed: "true"; limit: number; cursor?: string } = {
    trashed: "true",
    limit: params.limit ?? PAGE_SIZE,
  };
  if (params.cursor) query.cursor = params.cursor;
  const { data, error, response } = await api.GET("/api/tasks", { params: { query } });
  if (!data) throw apiErrorFrom(response, error);
  return { tasks: data, nextCursor: nextCursorFrom(response.headers.get("Link")) };
}

/** The task back among the user's tasks, as the API answers it (a new `updated_at`). */
export async function restoreTask(api: ApiClient, id: string): Promise<Task> {
  const { data, error, response } = await api.POST("/api/tasks/{id}/restore", {
    params: { path: { id } },
  });
  if (!data) throw taskErrorFrom(response, error);
  return data;
}

/** Deletes a trashed task for good; a 404 counts (it is gone already). `ifMatch`: its version. */
export async function deleteTaskForever(api: ApiClient, id: string, ifMatch: string) {
  const { error, response } = await api.DELETE("/api/tasks/{id}", {
    params: { path: { id }, query: { permanent: "true" } },
    headers: { "If-Match": ifMatch },
  });
  if (response.ok || response.status === 404) return;
  throw taskErrorFrom(response, error);
}

/** Deletes everything in the trash for good. */
export async function emptyTrash(api: ApiClient): Promise<void> {
  const { error, response } = await api.DELETE("/api/tasks", {
    params: { query: { trashed: "true" } },
  });
  if (!response.ok) throw apiErrorFrom(response, error);
}
