"use client";

import type { RefObject } from "react";
import { Button } from "@/components/ui/button";
import { browserTimeZone } from "@/lib/time-zone";
import { type TaskView, todayIn, type ViewDays, viewDays } from "../task-views";
import { useQuickAdd } from "../use-quick-add";
import { useTaskDraft } from "../use-task-draft";
import { useAddTask } from "../use-task-mutations";
import { DraftFields } from "./draft-fields";
import { QuickAddChips } from "./quick-add-chips";

interface AddTaskFormProps {
  /** Lets the screen move focus to the title box (e.g. after the last task is deleted). */
  titleInputRef?: RefObject<HTMLInputElement | null>;
  /** The view it adds to: Today presets today's date, Upcoming tomorrow's, a label's view that label. */
  view?: TaskView;
  days?: ViewDays;
  /** The user's zone, in which typed dates and times are read. */
  timeZone?: string;
  /** Escape in the title box: leave it (for the list's keyboard shortcuts). */
  onEscape?(): void;
}

/**
 * Always on screen (on phones one line, until it is used): type a line ("Pay rent tomorrow 9am
 * !high #home") and press Enter. Dates,
 * times, priorities and labels in it are recognised and listed under it, each removable (its text
 * then stays in the title). The task shows at once; if the API refuses it, it disappears again
 * with the reason, and the text comes back into the form unless something new has been typed.
 */
export function AddTaskForm({ titleInputRef, view, days, timeZone, onEscape }: AddTaskFormProps) {
  const zone = timeZone ?? browserTimeZone();
  const quick = useQuickAdd(view ?? { kind: "inbox" }, days ?? viewDays(todayIn(zone)), zone);
  const form = useTaskDraft(undefined, titleInputRef, (typed) => quick.parse(typed).title);
  const { mutate: addTask } = useAddTask();
  const parsed = quick.parse(form.draft.title);

  return (
    <form
      aria-label="Add a task"
      noValidate
      className="group/draft grid gap-2 rounded-xl border bg-card p-3 text-card-foreground shadow-sm sm:gap-3 sm:p-4"
      onKeyDown={(event) => {
        if (event.key !== "Escape" || event.target !== form.titleRef.current || !onEscape) return;
        event.preventDefault();
        onEscape();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        const input = form.check();
        if (!input) return;
        const typed = form.draft;
        addTask(
          { ...input, ...quick.fieldsOf(parsed) },
          {
            onError: () =>
              form.setDraft((current) => (current.title || current.description ? current : typed)),
          },
        );
        form.reset();
        quick.reset();
        form.titleRef.current?.focus();
      }}
    >
      <DraftFields
        form={form}
        titleLabel="Task title"
        descriptionLabel="Description (optional)"
        titlePlaceholder="Pay rent tomorrow 9am !high #home"
        collapsible
        titleAddon={
          <Button type="submit" className="px-3 sm:px-4">
            Add task
          </Button>
        }
        belowTitle={
          <QuickAddChips
            className="hidden group-focus-within/draft:flex sm:flex"
            result={parsed}
            timeZone={zone}
            onRemove={(part) => {
              quick.ignore(part);
              form.titleRef.current?.focus();
            }}
          />
        }
      />
    </form>
  );
}
