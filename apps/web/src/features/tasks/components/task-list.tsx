"use client";

import { Button } from "@/components/ui/button";
import { describeError } from "@/lib/api-error";
import type { Task, TaskStatus } from "../task-api";
import type { useTaskList } from "../use-task-queries";
import { TaskItem } from "./task-item";
import { TaskListEmpty, TaskListError, TaskListSkeleton } from "./task-list-states";

interface TaskListProps {
  status: TaskStatus;
  query: ReturnType<typeof useTaskList>;
  /** Deleted on screen, waiting for the undo offer to end. */
  hidden: ReadonlyMap<string, Task>;
  onDelete(task: Task): void;
  /** Where focus goes when the last visible task leaves. */
  focusFallback(): void;
}

/** The first checkbox of the item after (or else before) `item`, so focus never falls off. */
function focusNeighbour(item: HTMLLIElement | null, fallback: () => void): void {
  for (const sibling of [item?.nextElementSibling, item?.previousElementSibling]) {
    const checkbox = sibling?.querySelector<HTMLButtonElement>('[role="checkbox"]:not(:disabled)');
    if (checkbox) {
      checkbox.focus();
      return;
    }
  }
  fallback();
}

function visibleTasks(query: TaskListProps["query"], hidden: TaskListProps["hidden"]): Task[] {
  const seen = new Set<string>();
  const tasks: Task[] = [];
  for (const page of query.data?.pages ?? []) {
    for (const task of page.tasks) {
      if (hidden.has(task.id) || seen.has(task.id)) continue;
      seen.add(task.id);
      tasks.push(task);
    }
  }
  return tasks;
}

export function TaskList({ status, query, hidden, onDelete, focusFallback }: TaskListProps) {
  if (query.isPending) return <TaskListSkeleton />;
  if (query.isError && !query.data) {
    return (
      <TaskListError
        message={describeError(query.error)}
        retrying={query.isFetching}
        onRetry={() => void query.refetch()}
      />
    );
  }

  const tasks = visibleTasks(query, hidden);
  const leave = (item: HTMLLIElement | null) => {
    if (item?.contains(document.activeElement)) focusNeighbour(item, focusFallback);
  };

  return (
    <div className="grid gap-3">
      {tasks.length === 0 && !query.hasNextPage ? (
        <TaskListEmpty status={status} />
      ) : (
        <ul
          aria-label="Tasks"
          className="divide-y overflow-hidden rounded-xl border bg-card text-card-foreground shadow-sm"
        >
          {tasks.map((task) => (
            <TaskItem
              key={task.id}
              task={task}
              status={status}
              onLeave={leave}
              onDelete={(deleted, item) => {
                leave(item);
                onDelete(deleted);
              }}
            />
          ))}
        </ul>
      )}
      {query.isFetchNextPageError ? (
        <p role="alert" className="text-center text-sm text-destructive">
          Couldn't load more tasks: {describeError(query.error)}
        </p>
      ) : null}
      {query.hasNextPage ? (
        <Button
          variant="outline"
          className="justify-self-center"
          disabled={query.isFetchingNextPage}
          aria-busy={query.isFetchingNextPage || undefined}
          onClick={() => void query.fetchNextPage()}
        >
          {query.isFetchingNextPage ? "Loading more…" : "Load more"}
        </Button>
      ) : null}
    </div>
  );
}
