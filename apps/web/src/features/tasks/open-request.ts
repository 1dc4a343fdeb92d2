/** The address parameter that opens a task's editor: a reminder's link is `/tasks?task=<id>`. */
export const OPEN_TASK_PARAM = "task";

/**
 * True once for the task the address names, which then leaves the address (a reload does not
 * open it again). Read from the address each time, so a row that appears only once its list has
 * loaded still finds it.
 */
export function takeOpenRequest(taskId: string): boolean {
  if (typeof window === "undefined") return false;
  const url = new URL(window.location.href);
  if (url.searchParams.get(OPEN_TASK_PARAM) !== taskId) return false;
  url.searchParams.delete(OPEN_TASK_PARAM);
  window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`);
  return true;
}

/** The task id the address names, if any (without taking it). */
export function requestedTaskId(): string | null {
  if (typeof window === "undefined") return null;
  return new URL(window.location.href).searchParams.get(OPEN_TASK_PARAM);
}
