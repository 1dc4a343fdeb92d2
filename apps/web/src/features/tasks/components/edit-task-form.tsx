"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import type { Task } from "../task-api";
import { useTaskDraft } from "../use-task-draft";
import { DraftFields } from "./draft-fields";
import { EditConflict } from "./edit-conflict";

export interface EditDraft {
  title: string;
  description: string | null;
}

interface EditTaskFormProps {
  task: Task;
  /** Start from this text instead of the task's (an edit the API refused). */
  initial?: EditDraft | null;
  /**
   * The server's version, when the edit was refused because the task changed elsewhere: both are
   * shown, and the choice is "Keep mine" (save) or "Use theirs" (cancel).
   */
  conflict?: Task | null;
  onSave(changes: EditDraft): void;
  onCancel(): void;
}

/** Edit in place: Enter saves, Escape cancels; nothing is sent if nothing changed. */
export function EditTaskForm({ task, initial, conflict, onSave, onCancel }: EditTaskFormProps) {
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
        const saved = conflict ?? task;
        const unchanged =
          changes.title === saved.title && changes.description === (saved.description ?? null);
        if (unchanged) onCancel();
        else onSave(changes);
      }}
    >
      {conflict ? <EditConflict theirs={conflict} /> : null}
      <DraftFields form={form} titleLabel="Title" descriptionLabel="Description" />
      <div className="flex justify-end gap-2">
        <Button type="button" variant="outline" size="sm" onClick={onCancel}>
          {conflict ? "Use theirs" : "Cancel"}
        </Button>
        <Button type="submit" size="sm">
          {conflict ? "Keep mine" : "Save"}
        </Button>
      </div>
    </form>
  );
}
