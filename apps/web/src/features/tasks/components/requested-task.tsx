"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { requestedTaskId } from "../open-request";
import { getTask, type Task } from "../task-api";
import { taskKeys } from "../task-keys";
import type { ListFilter } from "../task-views";
import { useApi } from "../tasks-provider";
import { TaskItem } from "./task-item";

/** Every task, whatever its state: the requested one stays while it is edited or completed. */
const ANY_TASK: ListFilter = { status: "all" };

/**
 * The task a reminder's link names (`?task=<id>`), fetched on its own, so that it opens even when
 * it is not on a loaded page of the view's lists (an older task, a completed one, another view's).
 * `dismiss` puts it back among the lists.
 */
export function useRequestedTask(): {
  /** The task's id while it is shown (or on its way) above the lists. */
  id: string | null;
  task: Task | undefined;
  dismiss(): void;
} {
  const api = useApi();
  const [id, setId] = useState(requestedTaskId);
  const query = useQuery({
    queryKey: [...taskKeys.all, "requested", id],
    queryFn: () => getTask(api, id ?? ""),
    enabled: id !== null,
    retry: false,
  });
  const shown = id !== null && !query.isError;
  return {
    id: shown ? id : null,
    task: shown ? query.data : undefined,
    dismiss: () => setId(null),
  };
}

/** That task above the lists, its editor open (its row takes the address's request). */
export function RequestedTask({
  task,
  onDelete,
  onDismiss,
}: {
  task: Task;
  onDelete(task: Task): void;
  onDismiss(): void;
}) {
  return (
    <section aria-label="The task of your reminder" className="grid gap-2">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold text-muted-foreground">From your reminder</h2>
        <Button variant="ghost" size="sm" onClick={onDismiss}>
          Back to the list
        </Button>
      </div>
      <ul className="grid rounded-lg border bg-card">
        <TaskItem
          task={task}
          filter={ANY_TASK}
          onLeave={() => {}}
          onDelete={(deleted) => onDelete(deleted)}
        />
      </ul>
    </section>
  );
}
