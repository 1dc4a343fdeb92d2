"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Suspense, useEffect, useRef, useState } from "react";
import { lazyPart } from "@/components/lazy-part";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/cn";
import { addDays, formatDate } from "@/lib/quick-add/wall-clock";
import { takeFocusRequest } from "../focus-request";
import { takeOpenRequest } from "../open-request";
import type { Task, TaskChanges } from "../task-api";
import { showLatest } from "../task-cache";
import { TaskConflictError } from "../task-conflict";
import { applyChanges, dueChanges, type EditDraft } from "../task-edit";
import { useTaskFeedback } from "../task-feedback";
import { TASK_ROW_ATTRIBUTE } from "../task-focus";
import { type RowActions, useRegisterRowActions } from "../task-row-actions";
import { type ListFilter, matchesFilter, todayIn } from "../task-views";
import { isOptimistic, useUpdateTask } from "../use-task-mutations";
import { useDueClock } from "./due-clock";
import { HighlightedText } from "./highlighted-text";
import { PencilIcon, TrashIcon } from "./icons";
import { RowMenu } from "./row-menu";
import { TaskDescription } from "./task-description";
import { TaskDetails } from "./task-details";

interface TaskItemProps {
  task: Task;
  /** The list it is shown in: a task that stops matching it leaves the list. */
  filter: ListFilter;
  onDelete(task: Task, item: HTMLLIElement | null): void;
  /** Called before this item leaves the list while it holds focus. */
  onLeave(item: HTMLLIElement | null): void;
}

/**
 * The editor (with its pickers and their libraries) loads when a row is first pointed at or
 * focused, ahead of the click or key that opens it.
 */
const EditTaskForm = lazyPart(
  () => import("./edit-task-form"),
  (module) => module.EditTaskForm,
);
/** Loads the editor's code ahead of its first use. */
export const preloadTaskEditor = (): Promise<void> => EditTaskForm.preload();
const preloadEditor = () => void preloadTaskEditor();

/**
 * The first of `elements` laid out on screen: a row shows its Edit and Delete buttons on wide
 * screens and one menu button on phones, and focus returns to whichever is there.
 */
function shownOf(...elements: (HTMLElement | null)[]): HTMLElement | null {
  return (
    elements.find(
      (element) =>
        element !== null &&
        (typeof element.checkVisibility !== "function" || element.checkVisibility()),
    ) ?? null
  );
}

export function TaskItem({ task, filter, onDelete, onLeave }: TaskItemProps) {
  const [editing, setEditing] = useState(false);
  /** What the user typed in an edit the API refused: the editor reopens with it. */
  const [refusedEdit, setRefusedEdit] = useState<EditDraft | null>(null);
  /** The server's version, when an edit was refused because the task changed elsewhere. */
  const [theirs, setTheirs] = useState<Task | null>(null);
  /** The version the editor was opened on: the edit is a change to it (its If-Match). */
  const editSeen = useRef(task.updated_at);
  const { mutate: update } = useUpdateTask(task.id);
  const client = useQueryClient();
  const feedback = useTaskFeedback();
  const itemRef = useRef<HTMLLIElement>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  /** Where focus goes when the editor closes: where it was opened from (Edit, or the row by key). */
  const returnFocus = useRef<"edit" | "row" | null>(null);
  const openedFrom = useRef<"edit" | "row">("edit");
  const clock = useDueClock();
  const deleteButtonRef = useRef<HTMLButtonElement>(null);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const saving = isOptimistic(task);

  // Brought back by "Undo": focus returns to where it was when the task was deleted.
  useEffect(() => {
    if (takeFocusRequest(task.id)) shownOf(deleteButtonRef.current, menuButtonRef.current)?.focus();
  }, [task.id]);

  useEffect(() => {
    if (editing || !returnFocus.current) return;
    const target =
      returnFocus.current === "row"
        ? itemRef.current
        : shownOf(editButtonRef.current, menuButtonRef.current);
    returnFocus.current = null;
    target?.focus();
  }, [editing]);

  const openEditor = (from: "edit" | "row") => {
    editSeen.current = task.updated_at;
    openedFrom.current = from;
    setEditing(true);
  };

  // A reminder's link names the task: its editor opens, in view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per task, on its row's arrival
  useEffect(() => {
    if (!takeOpenRequest(task.id)) return;
    openEditor("row");
    itemRef.current?.scrollIntoView?.({ block: "center" });
  }, [task.id]);

  const closeEditor = () => {
    returnFocus.current = openedFrom.current;
    setRefusedEdit(null);
    setTheirs(null);
    setEditing(false);
  };

  const setCompleted = (isCompleted: boolean) => {
    if (!matchesFilter({ ...task, is_completed: isCompleted }, filter)) onLeave(itemRef.current);
    update({ kind: "complete", isCompleted, seen: task.updated_at });
  };

  /** A quick change from the keyboard; the row leaves a list the task no longer belongs in. */
  const change = (changes: TaskChanges) => {
    if (!matchesFilter(applyChanges(task, changes), filter)) onLeave(itemRef.current);
    update({ kind: "set", changes, seen: task.updated_at });
  };

  /**
   * Due `days` after today, at the time it had, in the zone its times are in (the user's when it
   * has none), as the editor keeps it; nothing when it already is.
   */
  const dueZone = task.time_zone ?? clock.timeZone;
  const dayFromToday = (days: number) => formatDate(addDays(todayIn(dueZone, clock.now), days));
  const dueInDays = (days: number) => {
    const day = dayFromToday(days);
    if (task.due_date !== day) change(dueChanges(day, task.due_time, dueZone));
  };

  const actions = useRef<RowActions | null>(null);
  // A task not yet confirmed by the API has no id to change it by: its keys wait, like its buttons.
  actions.current = saving
    ? null
    : {
        toggleCompleted: () => setCompleted(!task.is_completed),
        edit: () => openEditor("row"),
        remove: () => onDelete(task, itemRef.current),
        setPriority: (priority) => {
          if (priority !== task.priority) change({ priority });
        },
        dueInDays,
      };
  useRegisterRowActions(task.id, actions);

  const save = (draft: EditDraft, changes: TaskChanges) => {
    const leaving = !matchesFilter(applyChanges(theirs ?? task, changes), filter);
    if (leaving) onLeave(itemRef.current);
    if (theirs) {
      // "Keep mine": the change now applies to their version, which is shown underneath it.
      showLatest(client, theirs, task);
      editSeen.current = theirs.updated_at;
    }
    update(
      { kind: "edit", changes, seen: editSeen.current },
      {
        onError: (error) => {
          setRefusedEdit(draft);
          setTheirs(error instanceof TaskConflictError ? error.current : null);
          setEditing(true);
        },
      },
    );
    closeEditor();
    // Focus went to a neighbour: the row shows once more before the list drops it.
    if (leaving) returnFocus.current = null;
  };

  const takeTheirs = (latest: Task) => {
    showLatest(client, latest, task);
    if (!matchesFilter(latest, filter)) onLeave(itemRef.current);
    feedback.announce(`Kept the version of "${latest.title}" changed elsewhere.`);
    closeEditor();
  };

  if (editing) {
    return (
      <li ref={itemRef} className="px-3 py-3 sm:px-4" data-task-editor="">
        <Suspense fallback={<p className="text-sm text-muted-foreground">Opening the editor…</p>}>
          <EditTaskForm
            task={task}
            timeZone={clock.timeZone}
            initial={refusedEdit}
            conflict={theirs}
            onCancel={theirs ? () => takeTheirs(theirs) : closeEditor}
            onSave={save}
          />
        </Suspense>
      </li>
    );
  }

  return (
    <li
      ref={itemRef}
      {...{ [TASK_ROW_ATTRIBUTE]: "" }}
      data-task-id={task.id}
      tabIndex={-1}
      className="group flex items-start gap-3 px-3 py-3 first:rounded-t-xl last:rounded-b-xl transition-colors hover:bg-muted/50 focus:bg-accent/60 focus:outline-2 focus:-outline-offset-2 focus:outline-ring sm:px-4"
      aria-busy={saving || undefined}
      onPointerEnter={preloadEditor}
      onFocus={preloadEditor}
    >
      <Checkbox
        className="mt-0.5"
        checked={task.is_completed}
        disabled={saving}
        aria-label={`Complete "${task.title}"`}
        onCheckedChange={(checked) => setCompleted(checked === true)}
      />
      <div className="min-w-0 flex-1">
        <p
          className={cn(
            "wrap-anywhere font-medium leading-snug",
            task.is_completed && "text-muted-foreground line-through",
          )}
        >
          <HighlightedText text={task.title} query={filter.q ?? null} />
        </p>
        <TaskDetails task={task} />
        {task.description ? (
          <TaskDescription text={task.description} query={filter.q ?? null} />
        ) : null}
        {saving ? <p className="mt-1 text-xs text-muted-foreground">Saving…</p> : null}
      </div>
      <div className="-my-1 hidden shrink-0 gap-0.5 sm:flex">
        <Button
          ref={editButtonRef}
          variant="ghost"
          size="icon"
          disabled={saving}
          aria-label={`Edit "${task.title}"`}
          onClick={() => openEditor("edit")}
        >
          <PencilIcon />
        </Button>
        <Button
          ref={deleteButtonRef}
          variant="ghost"
          size="icon"
          className="hover:bg-destructive/10 hover:text-destructive"
          disabled={saving}
          aria-label={`Delete "${task.title}"`}
          onClick={() => onDelete(task, itemRef.current)}
        >
          <TrashIcon />
        </Button>
      </div>
      <RowMenu
        className="-my-1 shrink-0 sm:hidden"
        label={`Actions for "${task.title}"`}
        triggerRef={menuButtonRef}
        disabled={saving}
        items={[
          { label: "Edit", onSelect: () => openEditor("edit") },
          ...(
            [
              [0, "Due today"],
              [1, "Due tomorrow"],
            ] as const
          )
            .filter(([days]) => task.due_date !== dayFromToday(days))
            .map(([days, label]) => ({
              label,
              returnFocus: true,
              onSelect: () => dueInDays(days),
            })),
          { label: "Delete", destructive: true, onSelect: () => onDelete(task, itemRef.current) },
        ]}
      />
    </li>
  );
}
