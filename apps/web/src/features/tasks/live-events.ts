import type { QueryClient } from "@tanstack/react-query";
import type { LiveMessage } from "./live-connection";
import type { Label, Task } from "./task-api";
import { findTask, writeLists, writeTask } from "./task-cache";
import { taskKeys } from "./task-keys";

function parse(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

const isTask = (value: unknown): value is Task =>
  isRecord(value) && typeof value.id === "string" && typeof value.updated_at === "string";

const isLabels = (value: unknown): value is Label[] =>
  Array.isArray(value) && value.every((label) => isRecord(label) && typeof label.name === "string");

/** A created or changed task, shown where it belongs unless the cache already holds it or a later version. */
function showTask(client: QueryClient, task: Task, created: boolean): void {
  const current = findTask(client, task.id);
  if (current) {
    // The same version: this tab's own change, whose answer is already on screen.
    if (current.updated_at >= task.updated_at) return;
    writeTask(client, current, task);
  } else if (created) {
    writeTask(client, null, task);
  } else {
    // Changed, but in no loaded list (a completed task, or one past the pages loaded): which
    // counts it was in is unknown, so they are fetched again.
    writeLists(client, null, task);
    void client.invalidateQueries({ queryKey: taskKeys.countsAll() });
  }
  // Restored from the trash (it comes back as created).
  if (created) void client.invalidateQueries({ queryKey: taskKeys.trash() });
}

function removeTask(client: QueryClient, id: string): void {
  const current = findTask(client, id);
  if (current) writeTask(client, current, null);
  else void client.invalidateQueries({ queryKey: taskKeys.countsAll() });
  void client.invalidateQueries({ queryKey: taskKeys.trash() });
}

/**
 * Apply one message of the live stream to the cache, through the same path the screen's own
 * changes take (writeTask: every cached list and the counts).
 */
export function applyLiveMessage(client: QueryClient, message: LiveMessage): void {
  // This screen's own changes are on their way: the refetch after the last one settles
  // (useSettle) brings these changes too, and applying them now could undo what it shows.
  if (client.isMutating({ mutationKey: taskKeys.all }) > 0) return;
  if (message.type === "resync") {
    void client.invalidateQueries({ queryKey: taskKeys.all });
    return;
  }
  const data = parse(message.data);
  if (message.type === "labels.changed" && isLabels(data)) {
    client.setQueryData<Label[]>(taskKeys.labels(), data);
  } else if (message.type === "task.deleted" && isRecord(data) && typeof data.id === "string") {
    removeTask(client, data.id);
  } else if ((message.type === "task.created" || message.type === "task.updated") && isTask(data)) {
    showTask(client, data, message.type === "task.created");
  } else {
    return;
  }
  // A list being fetched right now may have been read before this change: fetch it again.
  void client.invalidateQueries({
    queryKey: taskKeys.all,
    predicate: (query) => query.state.fetchStatus === "fetching",
  });
}
