"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import type { Task } from "../task-api";
import { useTaskDraft } from "../use-task-draft";
import { DraftFields } from "./draft-fields";

export interface EditDraft {
  title: string;
  description: string | null;
}

interface EditTaskFormProps {
  task: Task;
  /** Start from this text instead of the task's (an edit the API refused). */
  initial?: EditDraft | null;
  onSave(changes: EditDraft): void;
  onCancel(): void;
}

/** Edit in place: Enter saves, Escape cancels; nothing is sent if nothing changed. */
export function EditTaskForm({ task, initial, onSave, onCancel }: EditTaskFormProps) {
  const start = initial ?? task;
  const form = useTaskDraft({ title: start.title, description: start.description ?? "" });
  const { titleRef } = form;

  useEffect(() => {
    titleRef.current?.focus();
    titleRef.current?.select();
  }, [titleRef]);

  return (
    <form
      aria-label={`Edit "${task.title}"`}
      noValidate
      className="grid w-full gap-3"
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        event.stopPropagation();
        onCancel();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        const changes = form.check();
        if (!changes) return;
        const unchanged =
          changes.title === task.title && changes.description === (task.description ?? null);
        if (unchanged) onCancel();
        else onSave(changes);
      }}
    >
      <DraftFields form={form} titleLabel="Title" descriptionLabel="Description" />
      <div className="flex justify-end gap-2">
        <Button type="button" variant="outline" size="sm" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" size="sm">
          Save
        </Button>
      </div>
    </form>
  );
}
