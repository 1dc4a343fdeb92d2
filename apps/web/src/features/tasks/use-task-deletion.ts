"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { toast } from "sonner";
import { ApiError, asSentence, describeError } from "@/lib/api-error";
import { requestFocus } from "./focus-request";
import { deleteTask, type Task } from "./task-api";
import { findTask, showLatest, writeTask } from "./task-cache";
import { TaskConflictError } from "./task-conflict";
import { useTaskFeedback } from "./task-feedback";
import { taskKeys } from "./task-keys";
import { ifMatchFor, recordOwnChange } from "./task-versions";
import { useApi } from "./tasks-provider";
import { restoreTask } from "./trash-api";
import { useSettle } from "./use-task-mutations";

/** How long "Undo" is offered after a delete. */
export const UNDO_WINDOW_MS = 5_000;

// A fresh toast id per deletion: sonner reuses a toast whose id it still holds (e.g. one being
// dismissed after "Undo").
let toastSeq = 0;
const nextToastId = (taskId: string) => {
  toastSeq += 1;
  return `delete:${taskId}:${toastSeq}`;
};

/** One delete from this screen, from the click until its undo offer ends. */
interface Deletion {
  task: Task;
  toastId: string;
  /** What the API made of the DELETE so far. */
  state: "sending" | "deleted" | "failed";
  /** "Undo" is still offered. */
  offered: boolean;
  /** "Undo" was chosen: the task is shown again and restored from the trash. */
  undone: boolean;
}

export interface TaskDeletion {
  /** Tasks deleted on screen whose delete has not been confirmed by the API yet. */
  hidden: ReadonlyMap<string, Task>;
  /** Delete at once (into the trash), hide the task and offer "Undo". */
  remove(task: Task): void;
  /** Bring back the most recently deleted task while its "Undo" is offered. */
  undoLast(): void;
}

/** Deletes and restores run one after another, in the order the user made them. */
const SCOPE = { id: "task-deletion" };

/**
 * Delete with undo. The DELETE is sent at once: the task moves to the trash on the server, so a
 * reload cannot bring it back, and the Trash view holds it for 30 days. "Undo" shows it again at
 * once and restores it from the trash (after the DELETE has been answered); focus goes back to
 * its row.
 */
export function useTaskDeletion(undoWindowMs = UNDO_WINDOW_MS): TaskDeletion {
  const api = useApi();
  const client = useQueryClient();
  const feedback = useTaskFeedback();
  const settle = useSettle();
  const [hidden, setHidden] = useState<ReadonlyMap<string, Task>>(() => new Map());
  const deletions = useRef(new Map<string, Deletion>());

  const unhide = useCallback((id: string) => {
    setHidden((current) => {
      if (!current.has(id)) return current;
      const next = new Map(current);
      next.delete(id);
      return next;
    });
  }, []);

  /** Forgets `entry` (unless the task was deleted again since, under a new one). */
  const forget = useCallback((entry: Deletion) => {
    if (deletions.current.get(entry.task.id) === entry) deletions.current.delete(entry.task.id);
  }, []);

  const endOffer = useCallback(
    (entry: Deletion) => {
      entry.offered = false;
      toast.dismiss(entry.toastId);
      if (entry.state !== "sending" && !entry.undone) forget(entry);
    },
    [forget],
  );

  const { mutate: send } = useMutation({
    mutationKey: taskKeys.all,
    scope: SCOPE,
    // Only the version the user deleted: one changed elsewhere since is kept (412).
    mutationFn: (entry: Deletion) =>
      deleteTask(api, entry.task.id, ifMatchFor(client, entry.task.id, entry.task.updated_at)),
    onSuccess: (_nothing, entry) => {
      entry.state = "deleted";
      if (!entry.undone) writeTask(client, findTask(client, entry.task.id) ?? entry.task, null);
      unhide(entry.task.id);
      if (!entry.offered) endOffer(entry);
    },
    onError: (error, entry) => {
      entry.state = "failed";
      unhide(entry.task.id);
      endOffer(entry);
      const { task } = entry;
      if (error instanceof TaskConflictError) {
        showLatest(client, error.current, findTask(client, task.id));
        toast.warning(
          `"${task.title}" was changed elsewhere, so it wasn't deleted. You now see its latest version.`,
        );
        return;
      }
      if (entry.undone) return;
      feedback.fail(
        `Couldn't delete "${task.title}": ${asSentence(describeError(error))} It's back in your list.`,
        error,
      );
    },
    onSettled: settle,
  });

  const { mutate: restore } = useMutation({
    mutationKey: taskKeys.all,
    scope: SCOPE,
    onMutate: async (entry: Deletion) => {
      await client.cancelQueries({ queryKey: taskKeys.all });
      // Still on its way to the trash: it never left the cache. Else it comes back into it.
      if (entry.state === "deleted") writeTask(client, null, entry.task);
      unhide(entry.task.id);
    },
    // Runs once the DELETE was answered: a delete that failed left nothing to restore.
    mutationFn: (entry: Deletion) =>
      entry.state === "failed" ? Promise.resolve(null) : restoreTask(api, entry.task.id),
    onSuccess: (restored, entry) => {
      forget(entry);
      if (restored) {
        // The user's own change: a delete of the version on screen (clicked before this answer)
        // applies to the restored one, not a 412.
        recordOwnChange(client, restored.id, entry.task.updated_at, restored.updated_at);
        writeTask(client, findTask(client, restored.id) ?? entry.task, restored);
      }
      feedback.announce(`Restored "${entry.task.title}".`);
    },
    onError: (error, entry) => {
      forget(entry);
      writeTask(client, findTask(client, entry.task.id) ?? entry.task, null);
      const stillInTrash = !(error instanceof ApiError && error.status === 404);
      feedback.fail(
        `Couldn't restore "${entry.task.title}": ${asSentence(describeError(error))}${stillInTrash ? " It's still in the Trash." : ""}`,
        error,
      );
    },
    onSettled: settle,
  });

  const undo = useCallback(
    (id: string) => {
      const entry = deletions.current.get(id);
      if (!entry?.offered || entry.undone) return;
      entry.undone = true;
      endOffer(entry);
      requestFocus(id);
      restore(entry);
    },
    [endOffer, restore],
  );

  const remove = useCallback(
    (task: Task) => {
      const toastId = nextToastId(task.id);
      const entry: Deletion = { task, toastId, state: "sending", offered: true, undone: false };
      deletions.current.set(task.id, entry);
      setHidden((current) => new Map(current).set(task.id, task));
      toast(`Deleted "${task.title}"`, {
        id: toastId,
        duration: undoWindowMs,
        action: { label: "Undo", onClick: () => undo(task.id) },
        onAutoClose: () => endOffer(entry),
        onDismiss: () => endOffer(entry),
      });
      send(entry);
    },
    [undoWindowMs, undo, endOffer, send],
  );

  const undoLast = useCallback(() => {
    const offered = [...deletions.current.values()].filter((entry) => entry.offered);
    const last = offered.at(-1);
    if (last) undo(last.task.id);
  }, [undo]);

  return { hidden, remove, undoLast };
}
