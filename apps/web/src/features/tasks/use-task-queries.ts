"use client";

import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useCallback } from "react";
import type { ApiClient } from "@/lib/api-client";
import { countTasks, listLabels, listTasks } from "./task-api";
import { taskKeys } from "./task-keys";
import { DEFAULT_SORT, type SortKey } from "./task-sort";
import {
  countFilters,
  type ListFilter,
  screenSections,
  type TaskView,
  type ViewDays,
} from "./task-views";
import { useApi } from "./tasks-provider";
import { trashOptions } from "./use-trash";

function taskListOptions(api: ApiClient, filter: ListFilter) {
  return infiniteQueryOptions({
    queryKey: taskKeys.list(filter),
    queryFn: ({ pageParam }) => listTasks(api, { filter, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

function taskCountsOptions(api: ApiClient, days: ViewDays) {
  return queryOptions({
    queryKey: taskKeys.counts(days.today),
    queryFn: () => countTasks(api, countFilters(days)),
  });
}

/**
 * The tasks of one list in its order, a page at a time ("Load more"). A search's results stay on
 * screen while those of the refined search load.
 */
export function useTaskList(filter: ListFilter) {
  return useInfiniteQuery({
    ...taskListOptions(useApi(), filter),
    placeholderData: filter.q === undefined ? undefined : keepPreviousData,
  });
}

/** The sidebar's counts, for the user's today. */
export function useTaskCounts(days: ViewDays) {
  return useQuery(taskCountsOptions(useApi(), days));
}

/** The user's labels with their open-task counts. */
export function useLabels() {
  const api = useApi();
  return useQuery({ queryKey: taskKeys.labels(), queryFn: () => listLabels(api) });
}

/**
 * Fetch a view's lists ahead of time (e.g. when its link is hovered or focused), in the order it
 * will open in (`sortOf`).
 */
export function usePrefetchView(
  days: ViewDays,
  sortOf: (view: TaskView) => SortKey = () => DEFAULT_SORT,
): (view: TaskView) => void {
  const api = useApi();
  const client = useQueryClient();
  return useCallback(
    (view) => {
      if (view.kind === "trash") void client.prefetchInfiniteQuery(trashOptions(api));
      const screen = { view, search: null, sort: sortOf(view) };
      for (const section of screenSections(screen, days)) {
        void client.prefetchInfiniteQuery(taskListOptions(api, section.filter));
      }
    },
    [api, client, days, sortOf],
  );
}
