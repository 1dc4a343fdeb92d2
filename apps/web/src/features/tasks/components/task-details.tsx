"use client";

import { describeRepeat } from "@taskline/repeat";
import { cn } from "@/components/ui/cn";
import { type DueClock, describeDue } from "../describe-due";
import { pendingReminders } from "../reminder-choices";
import { bellLabel } from "../reminder-words";
import type { Priority, Task } from "../task-api";
import { ViewLink } from "../view-navigation";
import { useDueClock } from "./due-clock";
import { BellIcon, CalendarIcon, FlagIcon, RepeatIcon } from "./icons";

const PRIORITY: Record<Exclude<Priority, "none">, { text: string; className: string }> = {
  high: { text: "High", className: "text-red-600 dark:text-red-400" },
  medium: { text: "Medium", className: "text-amber-600 dark:text-amber-400" },
  low: { text: "Low", className: "text-sky-600 dark:text-sky-400" },
};

/** The flag of a task's priority, coloured by level and named in words (never by colour alone). */
export function PriorityFlag({ priority }: { priority: Priority }) {
  if (priority === "none") return null;
  const { text, className } = PRIORITY[priority];
  return (
    <span className={cn("inline-flex items-center gap-1 font-medium", className)}>
      <FlagIcon className="size-3.5" />
      {text}
      <span className="sr-only"> priority</span>
    </span>
  );
}

/** A bell when the task has reminders still to go off, named in words ("2 reminders"). */
function ReminderBell({ task, clock }: { task: Task; clock: DueClock }) {
  const pending = task.is_completed ? [] : pendingReminders(task, clock.now);
  if (pending.length === 0) return null;
  const label = bellLabel(pending, clock);
  return (
    <span className="inline-flex items-center gap-1" title={label}>
      <BellIcon className="size-3.5" />
      {pending.length > 1 ? <span aria-hidden="true">{pending.length}</span> : null}
      <span className="sr-only">{label}</span>
    </span>
  );
}

/**
 * Under a task's title: its priority, its due date in words, a bell for pending reminders and its
 * labels (links to their views).
 */
export function TaskDetails({ task }: { task: Task }) {
  const clock = useDueClock();
  const due = describeDue(task, clock);
  const repeat =
    task.recurrence === null
      ? undefined
      : (describeRepeat(task.recurrence, task.recurrence_from) ?? task.recurrence);
  const reminding = !task.is_completed && pendingReminders(task, clock.now).length > 0;
  if (!due && !repeat && !reminding && task.priority === "none" && task.labels.length === 0) {
    return null;
  }
  return (
    <div
      className={cn(
        "mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground",
        task.is_completed && "line-through",
      )}
    >
      <PriorityFlag priority={task.priority} />
      {due ? (
        <span
          className={cn(
            "inline-flex items-center gap-1",
            due.overdue && "font-medium text-destructive",
          )}
        >
          <CalendarIcon className="size-3.5" />
          <span aria-hidden="true">{due.text}</span>
          <span className="sr-only">{due.label}</span>
        </span>
      ) : null}
      {repeat ? (
        <span className="inline-flex items-center gap-1">
          <RepeatIcon className="size-3.5" />
          <span className="sr-only">Repeats </span>
          {repeat}
        </span>
      ) : null}
      <ReminderBell task={task} clock={clock} />
      {task.labels.map((label) => (
        <ViewLink
          key={label}
          to={{ kind: "label", name: label }}
          className="inline-flex rounded-full bg-muted px-2 py-0.5 text-foreground/80 hover:bg-accent hover:text-accent-foreground focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring"
        >
          #{label}
        </ViewLink>
      ))}
    </div>
  );
}
