"use client";

import { useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { fieldClassName } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { duePicks } from "../due-picks";
import type { Priority } from "../task-api";
import { type EditDraft, PRIORITIES, PRIORITY_NAMES } from "../task-edit";
import { useDueClock } from "./due-clock";

type Organizing = Pick<EditDraft, "priority" | "dueDate" | "dueTime">;

interface OrganizeFieldsProps {
  value: Organizing;
  onChange(next: Organizing): void;
  /** Set when the task's times are in a zone other than the user's: they are shown in it. */
  otherZone?: string | null;
}

const isPriority = (value: string): value is Priority =>
  PRIORITIES.some((priority) => priority === value);

function dueNote(value: Organizing, otherZone: string | null | undefined): string {
  if (value.dueDate === null) return "Pick a date to set a time.";
  if (otherZone) return `The date and time are in ${otherZone}.`;
  return value.dueTime === null ? "No time: due all day." : "";
}

/**
 * The edit form's priority and due date and time (the browser's own date and time pickers, and
 * one-click picks: today, tomorrow, next week). Without a date there is no time: clearing the date
 * clears it; a pick keeps the time.
 */
export function OrganizeFields({ value, onChange, otherZone }: OrganizeFieldsProps) {
  const id = useId();
  const dateRef = useRef<HTMLInputElement>(null);
  const set = (changes: Partial<Organizing>) => onChange({ ...value, ...changes });
  const clock = useDueClock();
  const picks = duePicks(otherZone ?? clock.timeZone, clock.now);
  return (
    <div className="grid gap-3 sm:grid-cols-[auto_auto_auto_1fr] sm:items-end">
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-priority`}>Priority</Label>
        <select
          id={`${id}-priority`}
          value={value.priority}
          className={cn(fieldClassName, "h-10 w-auto pr-8")}
          onChange={(event) => {
            if (isPriority(event.target.value)) set({ priority: event.target.value });
          }}
        >
          {[...PRIORITIES].reverse().map((priority) => (
            <option key={priority} value={priority}>
              {PRIORITY_NAMES[priority]}
            </option>
          ))}
        </select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-date`}>Due date</Label>
        <input
          id={`${id}-date`}
          ref={dateRef}
          type="date"
          value={value.dueDate ?? ""}
          className={cn(fieldClassName, "h-10 w-auto")}
          onChange={(event) => {
            const dueDate = event.target.value || null;
            set(dueDate === null ? { dueDate, dueTime: null } : { dueDate });
          }}
        />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-time`}>Time</Label>
        <input
          id={`${id}-time`}
          type="time"
          value={value.dueTime ?? ""}
          disabled={value.dueDate === null}
          aria-describedby={`${id}-time-note`}
          className={cn(fieldClassName, "h-10 w-auto")}
          onChange={(event) => set({ dueTime: event.target.value || null })}
        />
      </div>
      <div className="flex flex-wrap items-center gap-2 pb-1">
        {value.dueDate !== null ? (
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() => {
              set({ dueDate: null, dueTime: null });
              // The button goes with the date: focus stays in the form (and Escape still cancels).
              dateRef.current?.focus();
            }}
          >
            Clear date
          </Button>
        ) : null}
        <p id={`${id}-time-note`} className="text-xs text-muted-foreground">
          {dueNote(value, otherZone)}
        </p>
      </div>
      <fieldset className="flex flex-wrap items-center gap-2 sm:col-span-4">
        <legend className="sr-only">Pick a due date</legend>
        {picks.map((pick) => (
          <Button
            key={pick.label}
            variant="outline"
            size="sm"
            className="h-8 rounded-full px-3 text-xs aria-pressed:border-primary aria-pressed:bg-accent"
            title={pick.words}
            aria-label={`Due ${pick.label.toLowerCase()}, ${pick.words}`}
            aria-pressed={value.dueDate === pick.date}
            onClick={() => set({ dueDate: pick.date })}
          >
            {pick.label}
          </Button>
        ))}
      </fieldset>
    </div>
  );
}
