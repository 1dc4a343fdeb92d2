"use client";

import {
  infiniteQueryOptions,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
} from "@tanstack/react-query";
import type { ApiClient } from "@/lib/api-client";
import { asSentence, describeError } from "@/lib/api-error";
import { etagOf, type Task } from "./task-api";
import { type TaskListData, writeTask } from "./task-cache";
import { TaskConflictError } from "./task-conflict";
import { useTaskFeedback } from "./task-feedback";
import { taskKeys } from "./task-keys";
import { useApi } from "./tasks-provider";
import { deleteTaskForever, emptyTrash, listTrash, restoreTask } from "./trash-api";
import { useSettle } from "./use-task-mutations";

export function trashOptions(api: ApiClient) {
  return infiniteQueryOptions({
    queryKey: taskKeys.trash(),
    queryFn: ({ pageParam }) => listTrash(api, { cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** The trash, newest deletion first, a page at a time ("Load more"). */
export function useTrash() {
  return useInfiniteQuery(trashOptions(useApi()));
}

/** The trash on screen without one task (or, `id` undefined, without any). */
function leaveTrash(client: QueryClient, id?: string): void {
  client.setQueryData<TaskListData>(taskKeys.trash(), (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            tasks: id === undefined ? [] : page.tasks.filter((task) => task.id !== id),
          })),
        }
      : data,
  );
}

/** The trash's changes: each shows at once, and the trash is fetched again once they settle. */
function useTrashMutation<V, R>(options: {
  mutationFn(variables: V): Promise<R>;
  /** What leaves the trash on screen at once: one task, or (undefined) all of them. */
  leaves(variables: V): string | undefined;
  onSuccess(result: R, variables: V): void;
  failure(variables: V, error: unknown): string;
}) {
  const client = useQueryClient();
  const feedback = useTaskFeedback();
  const settle = useSettle();
  return useMutation({
    mutationKey: taskKeys.all,
    mutationFn: options.mutationFn,
    onMutate: async (variables: V) => {
      await client.cancelQueries({ queryKey: taskKeys.trash() });
      leaveTrash(client, options.leaves(variables));
    },
    onSuccess: options.onSuccess,
    // The trash is fetched again when the change settles: what failed shows up again there.
    onError: (error, variables) => feedback.fail(options.failure(variables, error), error),
    onSettled: settle,
  });
}

/** Restore: the task leaves the trash and comes back into the lists it belongs in. */
export function useRestoreFromTrash() {
  const api = useApi();
  const client = useQueryClient();
  const feedback = useTaskFeedback();
  return useTrashMutation<Task, Task>({
    mutationFn: (task) => restoreTask(api, task.id),
    leaves: (task) => task.id,
    onSuccess: (restored) => {
      writeTask(client, null, restored);
      feedback.announce(`Restored "${restored.title}".`);
    },
    failure: (task, error) =>
      `Couldn't restore "${task.title}": ${asSentence(describeError(error))}`,
  });
}

/** Delete for good the version of the trashed task the user saw. */
export function useDeleteForever() {
  const api = useApi();
  const feedback = useTaskFeedback();
  return useTrashMutation<Task, void>({
    mutationFn: (task) => deleteTaskForever(api, task.id, etagOf(task.updated_at)),
    leaves: (task) => task.id,
    onSuccess: (_nothing, task) => feedback.announce(`Deleted "${task.title}" for good.`),
    failure: (task, error) =>
      error instanceof TaskConflictError
        ? `"${task.title}" was changed elsewhere, so it wasn't deleted. You now see its latest version.`
        : `Couldn't delete "${task.title}" for good: ${asSentence(describeError(error))}`,
  });
}

export function useEmptyTrash() {
  const api = useApi();
  const feedback = useTaskFeedback();
  return useTrashMutation<void, void>({
    mutationFn: () => emptyTrash(api),
    leaves: () => undefined,
    onSuccess: () => feedback.announce("Emptied the trash."),
    failure: (_nothing, error) => `Couldn't empty the trash: ${asSentence(describeError(error))}`,
  });
}
