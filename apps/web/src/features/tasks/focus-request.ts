/**
 * Where focus goes back to after an undo: the restored task's row asks for it when it appears
 * again (its Delete button, where focus was when it was deleted). A request is honoured once, and
 * only for a moment, so a row that appears much later (another view) never steals focus.
 */
const HONOURED_FOR_MS = 3_000;

let request: { taskId: string; until: number } | null = null;

export function requestFocus(taskId: string, now = Date.now()): void {
  request = { taskId, until: now + HONOURED_FOR_MS };
}

/** True once for the task focus was requested for, while the request holds. */
export function takeFocusRequest(taskId: string, now = Date.now()): boolean {
  if (request?.taskId !== taskId || now > request.until) return false;
  request = null;
  return true;
}
