import type { Task } from "../task-api";
import { type Answer, CONFLICT_DETAIL, etagOf, type TaskRequest } from "./fake-task-routes";

/** The fake API's store: live tasks, and the trash (each with its `deleted_at`). */
export interface FakeStore {
  tasks: Task[];
  trashed: Task[];
  /** Push subscriptions: endpoint → the user who posted it last. */
  subscriptions: Map<string, string>;
}

const NOT_FOUND: Answer = { status: 404, body: { detail: "Task not found" } };

/** Newest deletion first, then newest created, then by id, as the API lists the trash. */
export const newestDeletionFirst = (a: Task, b: Task) =>
  (b.deleted_at ?? "").localeCompare(a.deleted_at ?? "") ||
  b.created_at.localeCompare(a.created_at) ||
  (a.id < b.id ? 1 : -1);

function listTrash(store: FakeStore, userId: string, query: URLSearchParams): Answer {
  const limit = Number(query.get("limit") ?? 50);
  const mine = store.trashed.filter((task) => task.user_id === userId).sort(newestDeletionFirst);
  const cursor = query.get("cursor");
  const offset = cursor ? Number(Buffer.from(cursor, "base64url").toString()) : 0;
  const page = mine.slice(offset, offset + limit);
  const headers: Record<string, string> = { "X-Total-Count": String(mine.length) };
  if (offset + limit < mine.length) {
    const next = Buffer.from(String(offset + limit)).toString("base64url");
    headers.Link = `</api/tasks?trashed=true&limit=${limit}&cursor=${next}>; rel="next"`;
  }
  return { status: 200, body: page, headers };
}

const conflict = (task: Task): Answer => ({
  status: 412,
  body: { detail: CONFLICT_DETAIL, task: { ...task } },
  headers: { ETag: etagOf(task) },
});

/** `If-Match` absent, `*`, or naming the task's version. */
const fits = (ifMatch: string | undefined, task: Task) =>
  ifMatch === undefined ||
  ifMatch
    .split(",")
    .map((tag) => tag.trim())
    .some((tag) => tag === "*" || tag === etagOf(task));

/** Moves a live task into the trash (the plain DELETE). */
export function trashTask(store: FakeStore, task: Task, now: string): Answer {
  store.tasks.splice(store.tasks.indexOf(task), 1);
  store.trashed.push({ ...task, deleted_at: now });
  return { status: 204 };
}

/**
 * The trash's routes — `GET /api/tasks?trashed=true`, `DELETE /api/tasks?trashed=true`,
 * `POST /api/tasks/{id}/restore`, `DELETE /api/tasks/{id}?permanent=true` — or undefined for
 * any other request.
 */
export function trashAnswer(store: FakeStore, tick: () => string, request: TaskRequest) {
  const { method, path, query, userId, ifMatch } = request;
  const trashed = query.get("trashed") === "true";
  if (path === "/api/tasks" && method === "GET" && trashed) return listTrash(store, userId, query);
  if (path === "/api/tasks" && method === "DELETE") {
    if (!trashed) {
      const issue = { loc: ["query", "trashed"], msg: "Field required", type: "missing" };
      return { status: 422, body: { detail: [issue] } };
    }
    store.trashed = store.trashed.filter((task) => task.user_id !== userId);
    return { status: 204 };
  }
  const restore = /^\/api\/tasks\/([^/]+)\/restore$/.exec(path);
  if (restore && method === "POST") {
    const task = store.trashed.find((t) => t.id === restore[1] && t.user_id === userId);
    if (!task) return NOT_FOUND;
    if (!fits(ifMatch, task)) return conflict(task);
    store.trashed.splice(store.trashed.indexOf(task), 1);
    const live = { ...task, deleted_at: null, updated_at: tick() };
    store.tasks.push(live);
    return { status: 200, body: { ...live }, headers: { ETag: etagOf(live) } };
  }
  const forever = /^\/api\/tasks\/([^/]+)$/.exec(path);
  if (forever && method === "DELETE" && query.get("permanent") === "true") {
    const task = store.trashed.find((t) => t.id === forever[1] && t.user_id === userId);
    if (!task) return undefined; // a live task: the ordinary route deletes it, then for good
    if (!fits(ifMatch, task)) return conflict(task);
    store.trashed.splice(store.trashed.indexOf(task), 1);
    return { status: 204 };
  }
  return undefined;
}
