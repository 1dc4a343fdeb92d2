"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import type { Task } from "../task-api";
import { useTaskDraft } from "../use-task-draft";
import { DraftFields } from "./draft-fields";

interface EditTaskFormProps {
  task: Task;
  onSave(changes: { title: string; description: string | null }): void;
  onCancel(): void;
}

/** Edit in place: Enter saves, Escape cancels; nothing is sent if nothing changed. */
export function EditTaskForm({ task, onSave, onCancel }: EditTaskFormProps) {
  const form = useTaskDraft({ title: task.title, description: task.description ?? "" });
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
