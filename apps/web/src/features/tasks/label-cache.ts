import type { QueryClient } from "@tanstack/react-query";
import { relabel, sameLabel } from "./label-rules";
import type { Label } from "./task-api";
import type { TaskListData } from "./task-cache";
import { taskKeys } from "./task-keys";
import { isListFilter } from "./task-views";

/**
 * Show at once what renaming label `from` to `to` (or removing it: null) did on the server: every
 * cached task carrying it, and the labels list. The refetch that follows brings the new versions.
 */
export function relabelCached(client: QueryClient, from: string, to: string | null): void {
  const carries = (labels: readonly string[]) => labels.some((label) => sameLabel(label, from));
  for (const [key, data] of client.getQueriesData<TaskListData>({ queryKey: taskKeys.lists() })) {
    if (!data?.pages.some((page) => page.tasks.some((task) => carries(task.labels)))) continue;
    const next: TaskListData = {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        tasks: page.tasks.map((task) => ({ ...task, labels: relabel(task.labels, from, to) })),
      })),
    };
    client.setQueryData<TaskListData>(key, next);
    // The label's own list is the renamed label's now: its view opens with it at once.
    const filter = key[2];
    if (to !== null && isListFilter(filter) && filter.label && sameLabel(filter.label, from)) {
      const renamedKey = taskKeys.list({ ...filter, label: to });
      if (!client.getQueryData(renamedKey)) client.setQueryData<TaskListData>(renamedKey, next);
    }
  }
  client.setQueryData<Label[]>(taskKeys.labels(), (labels) =>
    labels ? renamedLabels(labels, from, to) : labels,
  );
}

/**
 * The labels list after the rename: `from` takes the new name, merged into a label already called
 * that (a task carrying both counts once, which only the API knows: until it answers, the larger
 * count stands).
 */
export function renamedLabels(labels: Label[], from: string, to: string | null): Label[] {
  const renamed = labels.find((label) => sameLabel(label.name, from));
  const rest = labels.filter((label) => !sameLabel(label.name, from));
  if (!renamed || to === null) return rest;
  const existing = rest.find((label) => sameLabel(label.name, to));
  const merged: Label = existing
    ? {
        name: existing.name,
        task_count: Math.max(existing.task_count, renamed.task_count),
        open_count: Math.max(existing.open_count, renamed.open_count),
      }
    : { ...renamed, name: to.trim() };
  return [...rest.filter((label) => label !== existing), merged].sort((a, b) =>
    a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1,
  );
}
