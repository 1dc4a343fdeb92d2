"use client";

import type { RefObject } from "react";
import { Button } from "@/components/ui/button";
import { useTaskDraft } from "../use-task-draft";
import { useAddTask } from "../use-task-mutations";
import { DraftFields } from "./draft-fields";

/**
 * Always on screen: type a title (and, if wanted, a description) and press Enter. The task shows
 * at once; if the API refuses it, it disappears again with the reason, and the text comes back
 * into the form unless something new has been typed there since.
 */
export function AddTaskForm({
  titleInputRef,
}: {
  /** Lets the screen move focus to the title box (e.g. after the last task is deleted). */
  titleInputRef?: RefObject<HTMLInputElement | null>;
}) {
  const form = useTaskDraft(undefined, titleInputRef);
  const { mutate: addTask } = useAddTask();

  return (
    <form
      aria-label="Add a task"
      noValidate
      className="grid gap-3 rounded-xl border bg-card p-4 text-card-foreground shadow-sm"
      onSubmit={(event) => {
        event.preventDefault();
        const input = form.check();
        if (!input) return;
        const typed = form.draft;
        addTask(input, {
          onError: () =>
            form.setDraft((current) => (current.title || current.description ? current : typed)),
        });
        form.reset();
        form.titleRef.current?.focus();
      }}
    >
      <DraftFields
        form={form}
        titleLabel="Task title"
        descriptionLabel="Description (optional)"
        titlePlaceholder="What needs doing?"
        titleAddon={
          <Button type="submit" className="px-3 sm:px-4">
            Add task
          </Button>
        }
      />
    </form>
  );
}
