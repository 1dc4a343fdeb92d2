"use client";

import { cn } from "@/components/ui/cn";
import { TASK_STATUSES, type TaskCounts, type TaskStatus } from "../task-api";

const LABELS: Record<TaskStatus, string> = {
  all: "All",
  pending: "Pending",
  completed: "Completed",
};

interface TaskFiltersProps {
  status: TaskStatus;
  counts: TaskCounts | undefined;
  onChange(status: TaskStatus): void;
  /** The user is about to pick this filter (hover, focus): a chance to fetch it early. */
  onIntent(status: TaskStatus): void;
}

/** "1,234", or "10,000+" for a count the API stopped at (it counts exactly up to 10,000). */
function formatCount(counts: TaskCounts, status: TaskStatus): string {
  const count = counts[status].toLocaleString("en-US");
  return counts.capped?.includes(status) ? `${count}+` : count;
}

/** All / Pending / Completed, each with its count; the pressed one is the list on screen. */
export function TaskFilters({ status, counts, onChange, onIntent }: TaskFiltersProps) {
  return (
    <fieldset className="inline-flex w-full min-w-0 gap-1 rounded-lg bg-muted p-1 sm:w-auto sm:justify-self-start">
      <legend className="sr-only">Show tasks</legend>
      {TASK_STATUSES.map((option) => {
        const pressed = option === status;
        return (
          <button
            key={option}
            type="button"
            aria-pressed={pressed}
            onClick={() => onChange(option)}
            onPointerEnter={() => onIntent(option)}
            onFocus={() => onIntent(option)}
            className={cn(
              "inline-flex flex-1 cursor-pointer items-center justify-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium transition-colors sm:flex-none",
              "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
              pressed
                ? "bg-background text-foreground shadow-sm"
                : "text-muted-foreground hover:text-foreground",
            )}
          >
            {LABELS[option]}
            {counts ? " " : null}
            {counts ? (
              <span
                className={cn(
                  "min-w-6 rounded-full px-1.5 text-xs tabular-nums",
                  pressed ? "bg-primary text-primary-foreground" : "bg-background/70",
                )}
              >
                {formatCount(counts, option)}
              </span>
            ) : null}
          </button>
        );
      })}
    </fieldset>
  );
}
