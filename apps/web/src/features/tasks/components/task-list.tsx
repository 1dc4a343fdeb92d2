"use client";

import { describeError } from "@/lib/api-error";
import { dayHeading } from "../describe-due";
import type { Task } from "../task-api";
import { focusNeighbour } from "../task-focus";
import type { ListFilter } from "../task-views";
import type { useTaskList } from "../use-task-queries";
import { useDueClock } from "./due-clock";
import { TaskItem } from "./task-item";
import {
  type EmptyText,
  LoadMore,
  TaskListEmpty,
  TaskListError,
  TaskListSkeleton,
} from "./task-list-states";

interface TaskListProps {
  filter: ListFilter;
  query: ReturnType<typeof useTaskList>;
  /** The list's accessible name ("Tasks", "Overdue"); ignored when grouped by day. */
  label: string;
  /** Shown when the list is empty; nothing at all when null. */
  empty: EmptyText | null;
  /** One list per due day, each under its heading ("Tomorrow", "Friday 5 Dec"). */
  groupByDay?: boolean;
  /** Left out: deleted on screen (waiting for the undo offer to end), or shown elsewhere. */
  hidden: { has(id: string): boolean };
  onDelete(task: Task): void;
  /** Where focus goes when the last visible task leaves. */
  focusFallback(): void;
}

/** The list's loaded tasks that are shown: each once, none of `hidden`. */
export function visibleTasks(
  query: TaskListProps["query"],
  hidden: TaskListProps["hidden"],
): Task[] {
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

/**
 * Tasks by due day, days in order. Within a day, the list's own order when one was chosen; by
 * default each day's timed tasks by time after its all-day ones.
 */
function byDay(tasks: Task[], keepOrder: boolean): [string, Task[]][] {
  const days = new Map<string, Task[]>();
  const sorted = [...tasks].sort((a, b) =>
    (a.due_date ?? "") === (b.due_date ?? "")
      ? keepOrder
        ? 0
        : (a.due_time ?? "").localeCompare(b.due_time ?? "")
      : (a.due_date ?? "").localeCompare(b.due_date ?? ""),
  );
  for (const task of sorted) {
    const day = task.due_date ?? "";
    days.set(day, [...(days.get(day) ?? []), task]);
  }
  return [...days];
}

// Not overflow-hidden: a row's menu may open past the list's edge (the rows round their own corners).
const LIST_CLASS = "divide-y rounded-xl border bg-card text-card-foreground shadow-sm";

export function TaskList({
  filter,
  query,
  label,
  empty,
  groupByDay = false,
  hidden,
  onDelete,
  focusFallback,
}: TaskListProps) {
  const clock = useDueClock();
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

  const items = (list: Task[]) =>
    list.map((task) => (
      <TaskItem
        key={task.id}
        task={task}
        filter={filter}
        onLeave={leave}
        onDelete={(deleted, item) => {
          leave(item);
          onDelete(deleted);
        }}
      />
    ));
  const isEmpty = tasks.length === 0 && !query.hasNextPage;
  if (isEmpty && !empty) return null;

  return (
    <div className="grid gap-3">
      {isEmpty && empty ? <TaskListEmpty text={empty} /> : null}
      {!isEmpty && !groupByDay ? (
        <ul aria-label={label} className={LIST_CLASS}>
          {items(tasks)}
        </ul>
      ) : null}
      {!isEmpty && groupByDay
        ? byDay(tasks, filter.sort !== undefined).map(([day, dayTasks]) => {
            const heading = dayHeading(day, clock);
            return (
              <section key={day} aria-label={heading} className="grid gap-2">
                <h2 className="text-sm font-semibold text-muted-foreground">{heading}</h2>
                <ul aria-label={heading} className={LIST_CLASS}>
                  {items(dayTasks)}
                </ul>
              </section>
            );
          })
        : null}
      <LoadMore query={query} what="tasks" />
    </div>
  );
}
