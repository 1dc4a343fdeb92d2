import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type { Task, TaskCounts, TaskPage } from "./task-api";
import { taskKeys } from "./task-keys";
import { comparatorFor } from "./task-sort";
import { countFilters, isListFilter, type ListFilter, matchesFilter, viewDays } from "./task-views";

export type TaskListData = InfiniteData<TaskPage, string | null>;

function withoutTask(data: TaskListData, id: string): TaskListData {
  if (!data.pages.some((page) => page.tasks.some((task) => task.id === id))) return data;
  return {
    ...data,
    pages: data.pages.map((page) =>
      page.tasks.some((task) => task.id === id)
        ? { ...page, tasks: page.tasks.filter((task) => task.id !== id) }
        : page,
    ),
  };
}

/** Insert in the list's order, or leave it out if it falls past what has been loaded so far. */
function insertInOrder(
  data: TaskListData,
  task: Task,
  compare: (a: Task, b: Task) => number,
): TaskListData {
  const pages = data.pages.map((page) => ({ ...page, tasks: [...page.tasks] }));
  for (const page of pages) {
    const index = page.tasks.findIndex((other) => compare(task, other) < 0);
    if (index >= 0) {
      page.tasks.splice(index, 0, task);
      return { ...data, pages };
    }
  }
  const last = pages.at(-1);
  // More pages wait on the server: the task will arrive with them, in its place.
  if (!last || last.nextCursor !== null) return data;
  last.tasks.push(task);
  return { ...data, pages };
}

function replaceTask(data: TaskListData, task: Task): TaskListData {
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      tasks: page.tasks.map((other) => (other.id === task.id ? task : other)),
    })),
  };
}

/**
 * Show `task` as the list for `filter` should: updated where it is (moved if its order changed),
 * inserted in order if it newly belongs, or removed if it no longer matches the filter. A
 * search's results only ever lose or update tasks: whether a task matches is the API's to say,
 * and its refetch after the change brings any new match.
 */
export function placeTask(data: TaskListData, filter: ListFilter, task: Task): TaskListData {
  const present = data.pages.some((page) => page.tasks.some((other) => other.id === task.id));
  if (!matchesFilter(task, filter)) return present ? withoutTask(data, task.id) : data;
  const compare = filter.q === undefined ? comparatorFor(filter.sort) : null;
  if (!present) return compare ? insertInOrder(data, task, compare) : data;
  if (!compare) return replaceTask(data, task);
  const tasks = data.pages.flatMap((page) => page.tasks);
  const index = tasks.findIndex((other) => other.id === task.id);
  const before = tasks[index - 1];
  const after = tasks[index + 1];
  const inOrder =
    (before === undefined || compare(before, task) <= 0) &&
    (after === undefined || compare(task, after) <= 0);
  return inOrder
    ? replaceTask(data, task)
    : insertInOrder(withoutTask(data, task.id), task, compare);
}

/**
 * Counts after `before` became `after` (null: did not exist / no longer exists), for the counts
 * taken on `today`. A capped count (the API's "10,000 or more") stays as it is: one more or fewer
 * says nothing about it.
 */
export function adjustCounts(
  counts: TaskCounts,
  today: string,
  before: Task | null,
  after: Task | null,
): TaskCounts {
  const filters = countFilters(viewDaysOf(today));
  const next = { ...counts };
  for (const kind of Object.keys(filters) as (keyof TaskCounts)[]) {
    const delta =
      (after && matchesFilter(after, filters[kind]) ? 1 : 0) -
      (before && matchesFilter(before, filters[kind]) ? 1 : 0);
    if (delta !== 0 && !next[kind].capped) {
      next[kind] = { ...next[kind], count: next[kind].count + delta };
    }
  }
  return next;
}

/** The view days of a `YYYY-MM-DD` day. */
function viewDaysOf(today: string) {
  const [year = 0, month = 1, day = 1] = today.split("-").map(Number);
  return viewDays({ year, month, day });
}

/** Subtract tasks that are hidden (waiting for their delete to be confirmed). */
export function countsWithout(counts: TaskCounts, today: string, hidden: Iterable<Task>) {
  let next = counts;
  for (const task of hidden) next = adjustCounts(next, today, task, null);
  return next;
}

/**
 * Record in every cached list and in the counts that `before` became `after`. Used for optimistic
 * changes, their rollback, and the server's answers.
 */
export function writeTask(client: QueryClient, before: Task | null, after: Task | null): void {
  writeLists(client, before, after);
  for (const [key, counts] of client.getQueriesData<TaskCounts>({
    queryKey: taskKeys.countsAll(),
  })) {
    const today = key[2];
    if (!counts || typeof today !== "string") continue;
    client.setQueryData<TaskCounts>(key, adjustCounts(counts, today, before, after));
  }
}

/** Record in every cached list (not the counts) that `before` became `after`. */
export function writeLists(client: QueryClient, before: Task | null, after: Task | null): void {
  for (const [key, data] of client.getQueriesData<TaskListData>({ queryKey: taskKeys.lists() })) {
    if (!data) continue;
    const filter = key[2];
    if (!isListFilter(filter)) continue;
    let next = data;
    if (before && (!after || before.id !== after.id)) next = withoutTask(next, before.id);
    if (after) next = placeTask(next, filter, after);
    if (next !== data) client.setQueryData<TaskListData>(key, next);
  }
}

/** The version of a task currently shown, from whichever list holds it. */
export function findTask(client: QueryClient, id: string): Task | null {
  for (const [, data] of client.getQueriesData<TaskListData>({ queryKey: taskKeys.lists() })) {
    for (const page of data?.pages ?? []) {
      const task = page.tasks.find((other) => other.id === id);
      if (task) return task;
    }
  }
  return null;
}

/**
 * Show the server's `latest` version of a task in place of `shown` (the version on screen and in
 * the counts), unless the cache already holds a later one.
 */
export function showLatest(client: QueryClient, latest: Task, shown: Task | null): void {
  const current = findTask(client, latest.id) ?? shown;
  if (current && current.updated_at > latest.updated_at) return;
  writeTask(client, current, latest);
}
