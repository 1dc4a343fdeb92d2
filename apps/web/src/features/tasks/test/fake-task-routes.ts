import { randomUUID } from "node:crypto";
import { firstDate } from "@taskline/repeat";
import { type Task, unorganizedFields } from "../task-api";
import { renameOrDeleteLabel } from "./fake-label-routes";
import { pushAnswer } from "./fake-push-routes";
import {
  comparator,
  labelsOf,
  matchesQuery,
  newestFirst,
  organizingFieldsOf,
  type Position,
  patchOrganizing,
} from "./fake-task-filters";
import { validate } from "./fake-task-validation";
import { type FakeStore, trashAnswer, trashTask } from "./fake-trash-routes";

/** What a route answers, before it is sent: the idempotency layer stores and replays these. */
export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TaskRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown> | undefined;
  ifMatch: string | undefined;
  userId: string;
}

/** `X-Total-Count` is exact up to this many; above it the API sends `X-Total-Count-Capped`. */
export const COUNT_CAP = 10_000;

export const CONFLICT_DETAIL = "This task was changed elsewhere since you loaded it.";

export { newestFirst };

const SORTS = ["created_at", "updated_at", "due_at", "priority", "title"].flatMap((key) => [
  key,
  `-${key}`,
]);

const queryIssue = (field: string, msg: string, type = "value_error"): Answer => ({
  status: 422,
  body: { detail: [{ loc: ["query", field], msg, type }] },
});

/** The list's `q` and `sort`, or the 422 the API answers for them. */
function searchAndSort(query: URLSearchParams): { q: string | null; sort: string } | Answer {
  const raw = query.get("q");
  const q = raw === null ? null : raw.trim();
  if (q !== null && ([...q].length < 1 || [...q].length > 200)) {
    return queryIssue("q", "String should have 1 to 200 characters", "string_too_short");
  }
  const sort = query.get("sort") ?? (q === null ? "-created_at" : "relevance");
  if (sort === "relevance" && q === null)
    return queryIssue("sort", "sort=relevance needs a search (q)");
  if (sort !== "relevance" && !SORTS.includes(sort))
    return queryIssue("sort", "Input should be a known sort", "enum");
  return { q, sort };
}

const positionOf = (task: Task): Position => ({
  created_at: task.created_at,
  id: task.id,
  priority: task.priority,
  title: task.title,
  due_date: task.due_date,
  due_time: task.due_time,
});

export const etagOf = (task: Task) => `"${task.updated_at}"`;

/** A task's answer always carries its version. */
const withTask = (status: number, task: Task, headers: Record<string, string> = {}): Answer => ({
  status,
  body: { ...task },
  headers: { ETag: etagOf(task), ...headers },
});

/** `If-Match: *` or a list of strong tags; a weak tag never matches (RFC 9110, 13.1.1). */
function matches(ifMatch: string, task: Task): boolean {
  const tags = ifMatch.split(",").map((tag) => tag.trim());
  return tags.includes("*") || tags.includes(etagOf(task));
}

function list(tasks: Task[], userId: string, query: URLSearchParams): Answer {
  const status = query.get("status") ?? "all";
  const limit = Number(query.get("limit") ?? 50);
  if (!["all", "pending", "completed"].includes(status)) {
    const msg = "Input should be 'all', 'pending' or 'completed'";
    return { status: 422, body: { detail: [{ loc: ["query", "status"], msg, type: "enum" }] } };
  }
  const order = searchAndSort(query);
  if ("status" in order) return order;
  const compare = comparator(order.sort, order.q);
  const mine = tasks
    .filter((task) => task.user_id === userId)
    .filter((task) => status === "all" || task.is_completed === (status === "completed"))
    .filter((task) => matchesQuery(task, query))
    .sort(compare);
  const cursor = query.get("cursor");
  const after: Position | null = cursor
    ? JSON.parse(Buffer.from(cursor, "base64url").toString())
    : null;
  const rest = after ? mine.filter((task) => compare(task, after) > 0) : mine;
  const page = rest.slice(0, limit);
  const headers: Record<string, string> =
    mine.length > COUNT_CAP
      ? { "X-Total-Count-Capped": String(COUNT_CAP) }
      : { "X-Total-Count": String(mine.length) };
  const last = page.at(-1);
  if (rest.length > limit && last) {
    const next = Buffer.from(JSON.stringify(positionOf(last))).toString("base64url");
    headers.Link = `</api/tasks?limit=${limit}&cursor=${next}&status=${status}>; rel="next"`;
  }
  return { status: 200, body: page, headers };
}

function create(tasks: Task[], now: string, { body, userId }: TaskRequest): Answer {
  const issues = validate(body ?? {}, true);
  if (issues.length) return { status: 422, body: { detail: issues } };
  const task: Task = {
    id: randomUUID(),
    user_id: userId,
    title: String(body?.title).trim(),
    description: typeof body?.description === "string" ? body.description : null,
    is_completed: false,
    ...unorganizedFields(),
    ...organizingFieldsOf(body),
    created_at: now,
    updated_at: now,
  };
  tasks.push(task);
  return withTask(201, task, { Location: `/api/tasks/${task.id}` });
}

/** The new fields of `task` for a PUT, PATCH or toggle, or the 422/405 refusing it. */
function changed(task: Task, request: TaskRequest, toggle: boolean): Task | Answer {
  const { method, body } = request;
  if (toggle) {
    if (method !== "PATCH") return { status: 405, body: { detail: "Method Not Allowed" } };
    const flip = typeof body?.is_completed !== "boolean";
    return { ...task, is_completed: flip ? !task.is_completed : Boolean(body?.is_completed) };
  }
  if (method !== "PATCH" && method !== "PUT") {
    return { status: 405, body: { detail: "Method Not Allowed" } };
  }
  const issues = validate(body ?? {}, method === "PUT");
  if (issues.length) return { status: 422, body: { detail: issues } };
  const next = { ...task };
  if (typeof body?.title === "string") next.title = body.title.trim();
  if (method === "PUT" || (body && "description" in body)) {
    next.description = typeof body?.description === "string" ? body.description : null;
  }
  if (method === "PATCH" && typeof body?.is_completed === "boolean") {
    next.is_completed = body.is_completed;
  }
  // PUT replaces every field: what it leaves out goes back to its default.
  if (method === "PUT") return { ...next, ...unorganizedFields(), ...organizingFieldsOf(body) };
  const organized = patchOrganizing(next, body ?? {});
  if (organized) return organized;
  const msg = "A due time or time zone needs a due date";
  return {
    status: 422,
    body: { detail: [{ loc: ["body", "due_time"], msg, type: "value_error" }] },
  };
}

/** The task API's routes over an in-memory store; `tick` gives each change a later time. */
export function answer(store: FakeStore, tick: () => string, request: TaskRequest): Answer {
  const { method, path, userId, ifMatch } = request;
  const { tasks } = store;
  const inTrash = trashAnswer(store, tick, request);
  if (inTrash) return inTrash;
  const push = pushAnswer(store.subscriptions, request);
  if (push) return push;
  if (path === "/api/tasks" && method === "GET") return list(tasks, userId, request.query);
  if (path === "/api/tasks" && method === "POST") return create(tasks, tick(), request);
  if (path === "/api/labels" && method === "GET") {
    return { status: 200, body: labelsOf(tasks.filter((task) => task.user_id === userId)) };
  }
  if (path.startsWith("/api/labels/")) return renameOrDeleteLabel(tasks, tick, request);
  const match = /^\/api\/tasks\/([^/]+)(\/complete)?$/.exec(path);
  const task = tasks.find((candidate) => candidate.id === match?.[1]);
  if (!match || !task) {
    return { status: 404, body: { detail: match ? "Task not found" : "Not Found" } };
  }
  if (task.user_id !== userId) {
    return { status: 403, body: { detail: "Not allowed to access this task" } };
  }
  if (method === "GET" && !match[2]) return withTask(200, task);
  // Preconditions come before the body is looked at (RFC 9110, 13.2.1).
  if (ifMatch !== undefined && method !== "GET" && !matches(ifMatch, task)) {
    const current = { ...task };
    return {
      status: 412,
      body: { detail: CONFLICT_DETAIL, task: current },
      headers: { ETag: etagOf(task) },
    };
  }
  if (method === "DELETE" && !match[2]) {
    if (request.query.get("permanent") !== "true") return trashTask(store, task, tick());
    tasks.splice(tasks.indexOf(task), 1);
    return { status: 204 };
  }
  const next = changed(task, request, Boolean(match[2]));
  if (!("id" in next)) return next;
  const completing = next.is_completed && !task.is_completed;
  Object.assign(task, next, { updated_at: tick() });
  if (completing) nextOccurrence(store, task, tick());
  return withTask(200, task);
}

/**
 * A recurring task just completed gets its next occurrence, once, as the API makes it (here the
 * rule's first date after the due date, by @taskline/repeat's reading of the simple rules).
 */
function nextOccurrence(store: FakeStore, task: Task, now: string) {
  if (task.recurrence === null || task.due_date === null) return;
  const following = store.tasks.some((t) => t.id === task.next_occurrence_id);
  if (following) return;
  const after = new Date(Date.parse(`${task.due_date}T00:00:00Z`) + 86_400_000);
  const successor: Task = {
    ...task,
    id: crypto.randomUUID(),
    is_completed: false,
    due_date: firstDate(task.recurrence, after.toISOString().slice(0, 10)),
    due_at: null,
    series_id: task.series_id ?? task.id,
    next_occurrence_id: null,
    created_at: now,
    updated_at: now,
  };
  store.tasks.push(successor);
  Object.assign(task, { next_occurrence_id: successor.id, series_id: task.series_id ?? task.id });
}
