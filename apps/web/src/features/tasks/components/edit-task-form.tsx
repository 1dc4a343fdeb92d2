"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import type { Task, TaskChanges } from "../task-api";
import { changesBetween, draftOf, type EditDraft, isEmptyChange } from "../task-edit";
import { useTaskDraft } from "../use-task-draft";
import { useLabels } from "../use-task-queries";
import { DraftFields } from "./draft-fields";
import { EditConflict } from "./edit-conflict";
import { LabelPicker } from "./label-picker";
import { OrganizeFields } from "./organize-fields";
import { RemindersField } from "./reminders-field";
import { RepeatField } from "./repeat-field";

export type { EditDraft };

interface EditTaskFormProps {
  task: Task;
  /** The user's zone: a new due date is in it (a task that has one keeps its own). */
  timeZone: string;
  /** Start from this draft instead of the task (an edit the API refused). */
  initial?: EditDraft | null;
  /**
   * The server's version, when the edit was refused because the task changed elsewhere: both are
   * shown, and the choice is "Keep mine" (save) or "Use theirs" (cancel).
   */
  conflict?: Task | null;
  /** `changes`: only what differs from the version saved. */
  onSave(draft: EditDraft, changes: TaskChanges): void;
  onCancel(): void;
}

/**
 * Edit in place: title, description, priority, due date and time, repeat, reminders, labels. Enter saves, Escape
 * cancels; only the fields that changed are sent, and nothing if none did.
 */
export function EditTaskForm({
  task,
  timeZone,
  initial,
  conflict,
  onSave,
  onCancel,
}: EditTaskFormProps) {
  const start = initial ?? draftOf(task);
  const form = useTaskDraft({ title: start.title, description: start.description ?? "" });
  const [organizing, setOrganizing] = useState({
    priority: start.priority,
    dueDate: start.dueDate,
    dueTime: start.dueTime,
  });
  const [labels, setLabels] = useState(start.labels);
  const [reminders, setReminders] = useState(start.reminders);
  const [repeat, setRepeat] = useState({
    recurrence: start.recurrence,
    recurrenceFrom: start.recurrenceFrom,
  });
  const suggestions = useLabels().data ?? [];
  const { titleRef } = form;
  const saved = conflict ?? task;
  const otherZone =
    saved.due_date !== null && saved.time_zone !== null && saved.time_zone !== timeZone
      ? saved.time_zone
      : null;

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
        const text = form.check();
        if (!text) return;
        const draft: EditDraft = { ...text, ...organizing, labels, ...repeat, reminders };
        const changes = changesBetween(saved, draft, timeZone);
        if (isEmptyChange(changes)) onCancel();
        else onSave(draft, changes);
      }}
    >
      {conflict ? <EditConflict theirs={conflict} /> : null}
      <DraftFields form={form} titleLabel="Title" descriptionLabel="Description" />
      <OrganizeFields value={organizing} onChange={setOrganizing} otherZone={otherZone} />
      <RepeatField value={repeat} onChange={setRepeat} dueDate={organizing.dueDate} />
      <RemindersField
        value={reminders}
        onChange={setReminders}
        dueDate={organizing.dueDate}
        timeZone={timeZone}
      />
      <LabelPicker value={labels} onChange={setLabels} suggestions={suggestions} />
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
