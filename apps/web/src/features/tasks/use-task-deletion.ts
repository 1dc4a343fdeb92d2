"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { asSentence, describeError } from "@/lib/api-error";
import { deleteTask, type Task } from "./task-api";
import { findTask, showLatest, writeTask } from "./task-cache";
import { TaskConflictError } from "./task-conflict";
import { useTaskFeedback } from "./task-feedback";
import { taskKeys } from "./task-keys";
import { ifMatchFor } from "./task-versions";
import { useApi } from "./tasks-provider";
import { useSettle } from "./use-task-mutations";

/** How long "Undo" is offered before the delete is sent. */
export const UNDO_WINDOW_MS = 5_000;

// A fresh toast id per deletion: sonner reuses a toast whose id it still holds (e.g. one being
// dismissed after "Undo"), and that one would never close to send a second delete of the task.
let toastSeq = 0;
const nextToastId = (taskId: string) => {
  toastSeq += 1;
  return `delete:${taskId}:${toastSeq}`;
};

interface Waiting {
  task: Task;
  toastId: string;
}

export interface TaskDeletion {
  /** Tasks deleted on screen whose delete has not been confirmed by the API yet. */
  hidden: ReadonlyMap<string, Task>;
  /** Hide the task at once and offer "Undo"; the API is told only when the offer ends. */
  remove(task: Task): void;
  /** Bring back the most recently deleted task, if its delete has not been sent. */
  undoLast(): void;
}

/**
 * Delete with undo. The task disappears at once; the DELETE is sent only when the undo toast
 * closes (timeout or dismissal), when the page is hidden or left, or when this screen unmounts.
 * "Undo" before then simply shows it again: nothing was sent, so nothing (not its position, not
 * its id, not its dates) has changed.
 */
export function useTaskDeletion(undoWindowMs = UNDO_WINDOW_MS): TaskDeletion {
  const api = useApi();
  const client = useQueryClient();
  const feedback = useTaskFeedback();
  const settle = useSettle();
  const [hidden, setHidden] = useState<ReadonlyMap<string, Task>>(() => new Map());
  const waiting = useRef(new Map<string, Waiting>());

  const unhide = useCallback((id: string) => {
    setHidden((current) => {
      const next = new Map(current);
      next.delete(id);
      return next;
    });
  }, []);

  const { mutate: send } = useMutation({
    mutationKey: taskKeys.all,
    // Only the version the user deleted: one changed elsewhere since is kept (412).
    mutationFn: (task: Task) =>
      deleteTask(api, task.id, ifMatchFor(client, task.id, task.updated_at)),
    onSuccess: (_nothing, task) => {
      writeTask(client, findTask(client, task.id), null);
      unhide(task.id);
    },
    onError: (error, task) => {
      unhide(task.id);
      if (error instanceof TaskConflictError) {
        showLatest(client, error.current, findTask(client, task.id));
        toast.warning(
          `"${task.title}" was changed elsewhere, so it wasn't deleted. You now see its latest version.`,
        );
        return;
      }
      feedback.fail(
        `Couldn't delete "${task.title}": ${asSentence(describeError(error))} It's back in your list.`,
      );
    },
    onSettled: settle,
  });

  const commit = useCallback(
    (id: string) => {
      const entry = waiting.current.get(id);
      if (!entry) return;
      waiting.current.delete(id);
      toast.dismiss(entry.toastId);
      send(entry.task);
    },
    [send],
  );

  const undo = useCallback(
    (id: string) => {
      const entry = waiting.current.get(id);
      if (!entry) return;
      waiting.current.delete(id);
      toast.dismiss(entry.toastId);
      unhide(id);
      feedback.announce(`Restored "${entry.task.title}".`);
    },
    [unhide, feedback],
  );

  const remove = useCallback(
    (task: Task) => {
      const toastId = nextToastId(task.id);
      waiting.current.set(task.id, { task, toastId });
      setHidden((current) => new Map(current).set(task.id, task));
      toast(`Deleted "${task.title}"`, {
        id: toastId,
        duration: undoWindowMs,
        action: { label: "Undo", onClick: () => undo(task.id) },
        onAutoClose: () => commit(task.id),
        onDismiss: () => commit(task.id),
      });
    },
    [undoWindowMs, undo, commit],
  );

  const undoLast = useCallback(() => {
    const last = [...waiting.current.keys()].at(-1);
    if (last) undo(last);
  }, [undo]);

  // Leaving the page or this screen ends every undo offer: send what is waiting.
  useEffect(() => {
    const pending = waiting.current;
    const flush = () => {
      for (const id of [...pending.keys()]) commit(id);
    };
    const onVisibilityChange = () => {
      if (document.visibilityState === "hidden") flush();
    };
    document.addEventListener("visibilitychange", onVisibilityChange);
    window.addEventListener("pagehide", flush);
    return () => {
      document.removeEventListener("visibilitychange", onVisibilityChange);
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, [commit]);

  return { hidden, remove, undoLast };
}
