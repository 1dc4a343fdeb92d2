import type { Task } from "../task-api";
import { storedLabels } from "./fake-task-filters";
import type { Answer, TaskRequest } from "./fake-task-routes";
import { labelIssue } from "./fake-task-validation";

/**
 * `PATCH /api/labels/{name}` (rename on every task of the caller, merging into a label of the new
 * name) and `DELETE /api/labels/{name}` (remove it from every task): 204, or 404 "Label not
 * found" when no task of the caller carries it. Each changed task gets a new version.
 */
export function renameOrDeleteLabel(
  tasks: Task[],
  tick: () => string,
  request: TaskRequest,
): Answer {
  const { method, path, body, userId } = request;
  const segment = path.slice("/api/labels/".length);
  if (segment === "" || segment.includes("/"))
    return { status: 404, body: { detail: "Not Found" } };
  if (method !== "PATCH" && method !== "DELETE") {
    return {
      status: 405,
      body: { detail: "Method Not Allowed" },
      headers: { Allow: "PATCH, DELETE" },
    };
  }
  let to: string | null = null;
  if (method === "PATCH") {
    const found =
      body?.name === undefined
        ? { loc: ["body", "name"], msg: "Field required", type: "missing" }
        : labelIssue(body.name, ["body", "name"]);
    if (found) return { status: 422, body: { detail: [found] } };
    to = String(body?.name).trim();
  }
  const key = decodeURIComponent(segment).trim().toLowerCase();
  const carrying = tasks.filter(
    (task) => task.user_id === userId && task.labels.some((label) => label.toLowerCase() === key),
  );
  if (carrying.length === 0) return { status: 404, body: { detail: "Label not found" } };
  for (const task of carrying) {
    const kept = task.labels.filter((label) => label.toLowerCase() !== key);
    task.labels = storedLabels(to === null ? kept : [to, ...kept]);
    task.updated_at = tick();
  }
  return { status: 204 };
}
