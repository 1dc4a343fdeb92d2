"use client";

import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useCallback } from "react";
import type { ApiClient } from "@/lib/api-client";
import { countTasks, listTasks, type TaskStatus } from "./task-api";
import { taskKeys } from "./task-keys";
import { useApi } from "./tasks-provider";

function taskListOptions(api: ApiClient, status: TaskStatus) {
  return infiniteQueryOptions({
    queryKey: taskKeys.list(status),
    queryFn: ({ pageParam }) => listTasks(api, { status, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

function taskCountsOptions(api: ApiClient) {
  return queryOptions({ queryKey: taskKeys.counts(), queryFn: () => countTasks(api) });
}

/** The tasks for one filter, newest first, a page at a time ("Load more"). */
export function useTaskList(status: TaskStatus) {
  return useInfiniteQuery(taskListOptions(useApi(), status));
}

export function useTaskCounts() {
  return useQuery(taskCountsOptions(useApi()));
}

/** Fetch a filter's first page ahead of time (e.g. when its button is hovered or focused). */
export function usePrefetchTaskList(): (status: TaskStatus) => void {
  const api = useApi();
  const client = useQueryClient();
  return useCallback(
    (status) => void client.prefetchInfiniteQuery(taskListOptions(api, status)),
    [api, client],
  );
}
