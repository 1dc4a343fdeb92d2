"use client";

import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef } from "react";
import { toast } from "sonner";
import { asSentence, describeError } from "@/lib/api-error";
import { isTransient, retryTransient } from "@/lib/retry-write";
import { shownReminders } from "./reminder-choices";
import {
  createTask,
  etagOf,
  type NewTask,
  newIdempotencyKey,
  setTaskCompleted,
  type Task,
  type TaskChanges,
  unorganizedFields,
  updateTask,
} from "./task-api";
import { findTask, showLatest, writeTask } from "./task-cache";
import { TaskConflictError } from "./task-conflict";
import { applyChanges, revertChanges } from "./task-edit";
import { useTaskFeedback } from "./task-feedback";
import { taskKeys } from "./task-keys";
import { latestOwnVersion, recordOwnChange } from "./task-versions";
import { useApi } from "./tasks-provider";
import { useNextOccurrence } from "./use-next-occurrence";

const OPTIMISTIC_PREFIX = "optimistic:";
let optimisticSeq = 0;

/** A task shown before the server has confirmed it: its controls wait for the real id. */
export const isOptimistic = (task: Task) => task.id.startsWith(OPTIMISTIC_PREFIX);

/**
 * Once the last change in flight has settled, refetch what is on screen so it matches the server
 * (refetching earlier would briefly undo optimistic changes still in flight).
 */
export function useSettle(): () => void {
  const client = useQueryClient();
  return useCallback(() => {
    if (client.isMutating({ mutationKey: taskKeys.all }) === 1) {
      void client.invalidateQueries({ queryKey: taskKeys.all });
    }
  }, [client]);
}

/** A new task: its text, and the organizing fields quick add found (sent only when set). */
export type NewTaskInput = { title: string; description: string | null } & Partial<
  Pick<
    Task,
    "priority" | "labels" | "due_date" | "due_time" | "time_zone" | "recurrence" | "recurrence_from"
  >
> &
  Pick<NewTask, "reminders">;

/** What the task will carry before the API answers (`due_at` waits for it). */
function organizingFields(input: NewTaskInput): Partial<Task> {
  const { title: _title, description: _description, reminders, ...fields } = input;
  return reminders ? { ...fields, reminders: shownReminders(reminders, [], null) } : fields;
}

export function useAddTask() {
  const api = useApi();
  const client = useQueryClient();
  const feedback = useTaskFeedback();
  const settle = useSettle();
  // A create that failed without an answer (the API may have made the task anyway): sending the
  // same text again is taken as the same action, with the same key, so it cannot make a second.
  const unanswered = useRef<{ body: string; key: string } | null>(null);
  return useMutation({
    mutationKey: taskKeys.all,
    // Runs once per user action (mutations are not retried by React Query): one key for all tries.
    mutationFn: async (input: NewTaskInput) => {
      const body = JSON.stringify(input);
      const failed = unanswered.current;
      unanswered.current = null;
      const key = failed?.body === body ? failed.key : newIdempotencyKey();
      try {
        return await retryTransient(() => createTask(api, input, key));
      } catch (error) {
        if (isTransient(error)) unanswered.current = { body, key };
        throw error;
      }
    },
    onMutate: async (input) => {
      await client.cancelQueries({ queryKey: taskKeys.all });
      const now = new Date().toISOString();
      optimisticSeq += 1;
      const shown: Task = {
        id: `${OPTIMISTIC_PREFIX}${optimisticSeq}`,
        user_id: "",
        title: input.title,
        description: input.description,
        is_completed: false,
        ...unorganizedFields(),
        ...organizingFields(input),
        created_at: now,
        updated_at: now,
      };
      writeTask(client, null, shown);
      return { shown };
    },
    onSuccess: (task, _input, context) => {
      writeTask(client, context.shown, task);
      feedback.announce(`Added "${task.title}".`);
    },
    onError: (error, input, context) => {
      if (context) writeTask(client, context.shown, null);
      feedback.fail(`Couldn't add "${input.title}": ${asSentence(describeError(error))}`, error);
    },
    onSettled: settle,
  });
}

/**
 * `seen`: the `updated_at` of the version the user was looking at when making the change. An
 * `edit` comes from the edit form, which shows its own conflict; a `set` is a quick change of a
 * field or two (a keyboard shortcut).
 */
export type TaskUpdate =
  | { kind: "complete"; isCompleted: boolean; seen: string }
  | { kind: "edit" | "set"; changes: TaskChanges; seen: string };

function applyUpdate(task: Task, update: TaskUpdate): Task {
  if (update.kind === "complete") return { ...task, is_completed: update.isCompleted };
  return applyChanges(task, update.changes);
}

/** Undo just the fields `update` changed, keeping any other change made since. */
function revertUpdate(shown: Task, before: Task, update: TaskUpdate): Task {
  if (update.kind === "complete") return { ...shown, is_completed: before.is_completed };
  return revertChanges(shown, before, update.changes);
}

function failureMessage(title: string, update: TaskUpdate, error: unknown): string {
  const what =
    update.kind === "complete"
      ? `mark "${title}" as ${update.isCompleted ? "completed" : "pending"}`
      : `save your changes to "${title}"`;
  return `Couldn't ${what}: ${asSentence(describeError(error))} The change was undone.`;
}

function conflictMessage(title: string, update: TaskUpdate): string {
  const what =
    update.kind === "complete"
      ? `it wasn't marked as ${update.isCompleted ? "completed" : "pending"}`
      : "your change wasn't saved";
  return `"${title}" was changed elsewhere, so ${what}. You now see its latest version.`;
}

function successMessage(task: Task, update: TaskUpdate): string {
  if (update.kind !== "complete") return `Saved "${task.title}".`;
  return task.is_completed ? `Completed "${task.title}".` : `Marked "${task.title}" as pending.`;
}

const countInScope = (client: QueryClient, scope: string) =>
  client.isMutating({ predicate: (mutation) => mutation.options.scope?.id === scope });

/**
 * Complete/uncomplete or edit one task. Changes to the same task run one after another, in the
 * order the user made them; each shows at once and is undone with a message if the API refuses.
 */
export function useUpdateTask(taskId: string) {
  const api = useApi();
  const client = useQueryClient();
  const feedback = useTaskFeedback();
  const settle = useSettle();
  const showNextOccurrence = useNextOccurrence();
  const scope = `task:${taskId}`;
  return useMutation({
    mutationKey: taskKeys.all,
    scope: { id: scope },
    mutationFn: async (update: TaskUpdate) => {
      // Runs after this task's earlier changes have settled: their new versions are known now.
      const from = latestOwnVersion(client, taskId, update.seen);
      const ifMatch = etagOf(from);
      const idempotencyKey = newIdempotencyKey();
      const task =
        update.kind === "complete"
          ? await retryTransient(() =>
              setTaskCompleted(api, taskId, update.isCompleted, { ifMatch, idempotencyKey }),
            )
          : await updateTask(api, taskId, update.changes, ifMatch);
      recordOwnChange(client, taskId, from, task.updated_at);
      return task;
    },
    onMutate: async (update) => {
      await client.cancelQueries({ queryKey: taskKeys.all });
      const before = findTask(client, taskId);
      const shown = before ? applyUpdate(before, update) : null;
      if (before) writeTask(client, before, shown);
      return { before, shown };
    },
    onSuccess: (task, update, context) => {
      // A later change to this task is already shown; its own answer will bring the final state.
      // The shown version may be in no cached list (completed while viewing Pending), but the
      // counts already include it: replace it, never add the answer as a new task.
      if (countInScope(client, scope) === 1) {
        writeTask(client, findTask(client, taskId) ?? context.shown, task);
      }
      feedback.announce(successMessage(task, update));
      if (update.kind === "complete") void showNextOccurrence(task);
    },
    onError: (error, update, context) => {
      const shown = findTask(client, taskId);
      const title = context?.before?.title ?? shown?.title ?? "the task";
      if (error instanceof TaskConflictError && update.kind !== "edit") {
        // Never overwrite a change made elsewhere: show it, and say why the change didn't stick.
        showLatest(client, error.current, shown ?? context?.shown ?? null);
        toast.warning(conflictMessage(title, update));
        return;
      }
      // The change may have moved it out of every list on screen (ticked in Inbox): the version
      // it was shown as is still in the counts, so revert that one.
      const current = shown ?? context?.shown ?? null;
      if (context?.before && current) {
        writeTask(client, current, revertUpdate(current, context.before, update));
      }
      // The edit form shows an edit's conflict itself, with both versions and a choice.
      if (error instanceof TaskConflictError) return;
      feedback.fail(failureMessage(title, update, error), error);
    },
    onSettled: settle,
  });
}
