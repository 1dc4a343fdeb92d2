"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { toast } from "sonner";
import { describeError } from "@/lib/api-error";
import { dayInWords } from "./describe-due";
import { etagOf, getTask, newIdempotencyKey, setTaskCompleted, type Task } from "./task-api";
import { findTask, writeTask } from "./task-cache";
import { useTaskFeedback } from "./task-feedback";
import { taskKeys } from "./task-keys";
import { useApi } from "./tasks-provider";
import { deleteTaskForever } from "./trash-api";

/**
 * After a recurring task is completed: its next occurrence (made by the API in the same write)
 * shows in the lists at once, and a toast offers "Undo", which deletes that occurrence for good
 * and reopens the one completed, so that completing it again makes a fresh one.
 */
export function useNextOccurrence() {
  const api = useApi();
  const client = useQueryClient();
  const feedback = useTaskFeedback();
  return useCallback(
    async (completed: Task) => {
      const nextId = completed.next_occurrence_id;
      if (!completed.is_completed || nextId === null || findTask(client, nextId)) return;
      let next: Task;
      try {
        next = await getTask(api, nextId);
      } catch {
        return; // the lists' own refetch brings it
      }
      writeTask(client, null, next);
      const when = next.due_date ? `, next on ${dayInWords(next.due_date)}` : "";
      toast.success(`"${completed.title}" repeats${when}.`, {
        action: {
          label: "Undo",
          onClick: () => {
            void (async () => {
              try {
                await deleteTaskForever(api, next.id, etagOf(next.updated_at));
                writeTask(client, findTask(client, next.id) ?? next, null);
                const current = findTask(client, completed.id) ?? completed;
                const reopened = await setTaskCompleted(api, completed.id, false, {
                  ifMatch: etagOf(current.updated_at),
                  idempotencyKey: newIdempotencyKey(),
                });
                writeTask(client, current, reopened);
                feedback.announce(`"${completed.title}" is open again.`);
              } catch (error) {
                feedback.fail(`Couldn't undo: ${describeError(error)}`, error);
              } finally {
                void client.invalidateQueries({ queryKey: taskKeys.all });
              }
            })();
          },
        },
      });
    },
    [api, client, feedback],
  );
}
