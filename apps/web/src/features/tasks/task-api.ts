import type { ApiClient } from "@/lib/api-client";
import { apiErrorFrom } from "@/lib/api-error";
import type { components, paths } from "@/lib/api-schema";
import { taskErrorFrom } from "./task-conflict";
import type { FixedViewKind, ListFilter } from "./task-views";

/** Every type here comes from the API's OpenAPI document; none is written by hand. */
export type Task = components["schemas"]["Task"];
export type Label = components["schemas"]["Label"];
export type Priority = Task["priority"];

/**
 * The organising fields of a task that has none, and the `deleted_at` of one that is not in the
 * trash: what the API answers for a plain new task.
 */
export const unorganizedFields = (): Pick<
  Task,
  | "priority"
  | "due_date"
  | "due_time"
  | "time_zone"
  | "due_at"
  | "labels"
  | "recurrence"
  | "recurrence_from"
  | "series_id"
  | "next_occurrence_id"
  | "reminders"
  | "deleted_at"
> => ({
  priority: "none",
  due_date: null,
  due_time: null,
  time_zone: null,
  due_at: null,
  labels: [],
  recurrence: null,
  recurrence_from: "due",
  series_id: null,
  next_occurrence_id: null,
  reminders: [],
  deleted_at: null,
});
type ListQuery = NonNullable<paths["/api/tasks"]["get"]["parameters"]["query"]>;
export type TaskStatus = NonNullable<ListQuery["status"]>;
export type NewTask = paths["/api/tasks"]["post"]["requestBody"]["content"]["application/json"];
export type TaskChanges = NonNullable<
  paths["/api/tasks/{id}"]["patch"]["requestBody"]
>["content"]["application/json"];

export const TASK_STATUSES: readonly TaskStatus[] = ["all", "pending", "completed"];

/** Tasks per request; the API's default. */
export const PAGE_SIZE = 50;

export interface TaskPage {
  tasks: Task[];
  /** The `cursor` of the API's `Link: <…>; rel="next"`, or null on the last page. */
  nextCursor: string | null;
}

/** One list's size: `capped` when the API stopped counting (each means "this many or more"). */
export interface ListCount {
  count: number;
  capped: boolean;
}

/** The sizes of the fixed views, for the sidebar. */
export type TaskCounts = Record<FixedViewKind, ListCount>;

/** The version the API's `ETag` names: the task's `updated_at`, quoted. */
export const etagOf = (updatedAt: string) => `"${updatedAt}"`;

/** An `Idempotency-Key` value (an sf-string): one per user action, the same for its retries. */
export const newIdempotencyKey = () => `"${crypto.randomUUID()}"`;

/** The `cursor` query parameter of the `rel="next"` link, if the API sent one. */
export function nextCursorFrom(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(",")) {
    const match = /<([^>]*)>\s*;(.*)$/.exec(part.trim());
    if (!match?.[1] || !/\brel="?next"?/.test(match[2] ?? "")) continue;
    return new URL(match[1], "http://placeholder.invalid").searchParams.get("cursor");
  }
  return null;
}

const asCount = (header: string | null) => {
  const count = Number(header ?? Number.NaN);
  return Number.isInteger(count) && count >= 0 ? count : null;
};

/** `X-Total-Count`, or, past what the API counts exactly, its `X-Total-Count-Capped` as a floor. */
function totalFrom(response: Response): { count: number; capped: boolean } {
  const exact = asCount(response.headers.get("X-Total-Count"));
  if (exact !== null) return { count: exact, capped: false };
  const floor = asCount(response.headers.get("X-Total-Count-Capped"));
  return floor === null ? { count: 0, capped: false } : { count: floor, capped: true };
}

export function parseStatus(value: unknown): TaskStatus {
  return TASK_STATUSES.find((status) => status === value) ?? "all";
}

function listQuery(filter: ListFilter, limit: number): ListQuery {
  const query: ListQuery = { status: filter.status, limit };
  if (filter.label !== undefined) query.label = filter.label;
  if (filter.dueAfter !== undefined) query.due_after = filter.dueAfter;
  if (filter.dueBefore !== undefined) query.due_before = filter.dueBefore;
  if (filter.q !== undefined) query.q = filter.q;
  if (filter.sort !== undefined) query.sort = filter.sort;
  return query;
}

export async function listTasks(
  api: ApiClient,
  params: { filter: ListFilter; cursor?: string | null; limit?: number },
): Promise<TaskPage> {
  const query = listQuery(params.filter, params.limit ?? PAGE_SIZE);
  if (params.cursor) query.cursor = params.cursor;
  const { data, error, response } = await api.GET("/api/tasks", { params: { query } });
  if (!data) throw apiErrorFrom(response, error);
  return { tasks: data, nextCursor: nextCursorFrom(response.headers.get("Link")) };
}

/** How many tasks a list holds (the API's `X-Total-Count`), without fetching them. */
export async function countList(api: ApiClient, filter: ListFilter): Promise<ListCount> {
  const { data, error, response } = await api.GET("/api/tasks", {
    params: { query: listQuery(filter, 1) },
  });
  if (!data) throw apiErrorFrom(response, error);
  return totalFrom(response);
}

/** The size of each fixed view, one request each. */
export async function countTasks(
  api: ApiClient,
  filters: Record<FixedViewKind, ListFilter>,
): Promise<TaskCounts> {
  const [inbox, today, upcoming, completed] = await Promise.all([
    countList(api, filters.inbox),
    countList(api, filters.today),
    countList(api, filters.upcoming),
    countList(api, filters.completed),
  ]);
  return { inbox, today, upcoming, completed };
}

/** The user's labels, sorted ignoring case, each with how many open tasks carry it. */
export async function listLabels(api: ApiClient): Promise<Label[]> {
  const { data, error, response } = await api.GET("/api/labels");
  if (!data) throw apiErrorFrom(response, error);
  return data;
}

/** Renames the label (any spelling) on every task carrying it, merging into a label of the new name. */
export async function renameLabel(api: ApiClient, name: string, to: string): Promise<void> {
  const { error, response } = await api.PATCH("/api/labels/{name}", {
    params: { path: { name } },
    body: { name: to },
  });
  if (!response.ok) throw apiErrorFrom(response, error);
}

/** Removes the label (any spelling) from every task; the tasks stay. */
export async function deleteLabel(api: ApiClient, name: string): Promise<void> {
  const { error, response } = await api.DELETE("/api/labels/{name}", {
    params: { path: { name } },
  });
  if (!response.ok) throw apiErrorFrom(response, error);
}

/** Sent once per user action; a retry repeats it with the same `idempotencyKey`. */
export async function createTask(
  api: ApiClient,
  input: NewTask,
  idempotencyKey: string,
): Promise<Task> {
  const { data, error, response } = await api.POST("/api/tasks", {
    body: input,
    headers: { "Idempotency-Key": idempotencyKey },
  });
  if (!data) throw apiErrorFrom(response, error);
  return data;
}

/** `ifMatch`: the ETag of the version the change was made to; a 412 is a `TaskConflictError`. */
export async function getTask(api: ApiClient, id: string): Promise<Task> {
  const { data, error, response } = await api.GET("/api/tasks/{id}", { params: { path: { id } } });
  if (!data) throw taskErrorFrom(response, error);
  return data;
}

export async function updateTask(
  api: ApiClient,
  id: string,
  changes: TaskChanges,
  ifMatch: string,
): Promise<Task> {
  const { data, error, response } = await api.PATCH("/api/tasks/{id}", {
    params: { path: { id } },
    body: changes,
    headers: { "If-Match": ifMatch },
  });
  if (!data) throw taskErrorFrom(response, error);
  return data;
}

export async function setTaskCompleted(
  api: ApiClient,
  id: string,
  isCompleted: boolean,
  { ifMatch, idempotencyKey }: { ifMatch: string; idempotencyKey: string },
): Promise<Task> {
  const { data, error, response } = await api.PATCH("/api/tasks/{id}/complete", {
    params: { path: { id } },
    body: { is_completed: isCompleted },
    headers: { "If-Match": ifMatch, "Idempotency-Key": idempotencyKey },
  });
  if (!data) throw taskErrorFrom(response, error);
  return data;
}

/**
 * Resolves once the task is gone; a 404 counts (there is nothing left to delete). `keepalive` lets
 * the request finish while the page is being closed.
 */
export async function deleteTask(api: ApiClient, id: string, ifMatch: string): Promise<void> {
  const { error, response } = await api.DELETE("/api/tasks/{id}", {
    params: { path: { id } },
    headers: { "If-Match": ifMatch },
    keepalive: true,
  });
  if (response.ok || response.status === 404) return;
  throw taskErrorFrom(response, error);
}
