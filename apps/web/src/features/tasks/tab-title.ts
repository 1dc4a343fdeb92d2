import type { Label, ListCount, TaskCounts } from "./task-api";
import { type TaskView, viewTitle } from "./task-views";

/** "1,234", or "10,000+" for a count the API stopped at. */
export const formatCount = ({ count, capped }: ListCount) =>
  `${count.toLocaleString("en-US")}${capped ? "+" : ""}`;

/** How many open tasks the view lists: none for Completed, the Trash and a search. */
export function openCountOf(
  view: TaskView,
  counts: TaskCounts | undefined,
  labels: readonly Label[] | undefined,
): ListCount | null {
  if (view.kind === "completed" || view.kind === "trash") return null;
  if (view.kind === "label") {
    const label = labels?.find((candidate) => candidate.name === view.name);
    return label ? { count: label.open_count, capped: false } : null;
  }
  return counts?.[view.kind] ?? null;
}

/** The browser tab's title: "(3) Inbox · Taskline", the count left out when there is none. */
export function tabTitle(
  place: { view: TaskView; search: string | null },
  openCount: ListCount | null,
): string {
  if (place.search !== null) return `Search: ${place.search} · Taskline`;
  const prefix = openCount && openCount.count > 0 ? `(${formatCount(openCount)}) ` : "";
  return `${prefix}${viewTitle(place.view)} · Taskline`;
}
