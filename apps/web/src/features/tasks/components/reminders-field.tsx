"use client";

import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { fieldClassName } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { instantOf } from "@/lib/quick-add/wall-clock";
import { choiceKey, MAX_REMINDERS, OFFSET_PRESETS, type ReminderChoice } from "../reminder-choices";
import { choiceWords, offsetWords } from "../reminder-words";
import { useDueClock } from "./due-clock";

interface RemindersFieldProps {
  value: ReminderChoice[];
  onChange(next: ReminderChoice[]): void;
  /** The task's due date (`YYYY-MM-DD`): reminders before it need one. */
  dueDate: string | null;
  /** The zone a custom moment is typed in: the user's. */
  timeZone: string;
}

const CUSTOM = "custom";

/** A `datetime-local` value ("2026-12-05T09:00") read on the clock of `timeZone`, as ISO 8601. */
function instantFrom(local: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  if (year === undefined || month === undefined || day === undefined) return null;
  const wall = { year, month, day, hour: hour ?? 0, minute: minute ?? 0 };
  return instantOf(wall, timeZone).toISOString();
}

/**
 * The task's reminders as removable chips, and a choice to add one: at the due time, 10 or 30
 * minutes, an hour or a day before it (these need a due date), or a moment typed on the
 * browser's own date and time picker, in the user's zone. Up to five.
 */
export function RemindersField({ value, onChange, dueDate, timeZone }: RemindersFieldProps) {
  const id = useId();
  const clock = useDueClock();
  const [choice, setChoice] = useState(dueDate === null ? CUSTOM : "30");
  const [moment, setMoment] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const chooser = useRef<HTMLSelectElement>(null);
  const taken = new Set(value.map(choiceKey));
  const full = value.length >= MAX_REMINDERS;
  const waiting = dueDate === null && value.some((item) => "offsetMinutes" in item);
  const selected = dueDate === null ? CUSTOM : choice;

  const add = () => {
    let next: ReminderChoice;
    if (selected === CUSTOM) {
      const at = instantFrom(moment, timeZone);
      if (at === null) return setProblem("Pick a date and time for the reminder.");
      next = { at };
    } else {
      next = { offsetMinutes: Number(selected) };
    }
    if (taken.has(choiceKey(next))) return setProblem("The task already has this reminder.");
    setProblem(null);
    setMoment("");
    onChange([...value, next]);
  };

  const note = waiting
    ? "Reminders before the due time need a due date: without one they are not saved."
    : full
      ? `A task has at most ${MAX_REMINDERS} reminders.`
      : dueDate === null
        ? "Pick a due date to be reminded before it; a moment of your own works without one."
        : "";

  return (
    <fieldset className="grid gap-2">
      <legend className="text-sm font-medium">Reminders</legend>
      {value.length > 0 ? (
        <ul aria-label="Reminders" className="flex flex-wrap gap-1.5">
          {value.map((item) => {
            const words = choiceWords(item, clock);
            const needsDate = dueDate === null && "offsetMinutes" in item;
            return (
              <li
                key={choiceKey(item)}
                className={cn(
                  "inline-flex items-center gap-1 rounded-full border bg-accent py-0.5 pr-0.5 pl-2.5 text-xs text-accent-foreground",
                  needsDate && "bg-transparent text-muted-foreground line-through",
                )}
              >
                <span>{words}</span>
                {needsDate ? <span className="sr-only"> (needs a due date)</span> : null}
                <button
                  type="button"
                  aria-label={`Remove reminder ${words.toLowerCase()}`}
                  title="Remove"
                  className="inline-flex size-6 cursor-pointer items-center justify-center rounded-full hover:bg-background/70 focus-visible:outline-2 focus-visible:outline-ring"
                  onClick={() => {
                    onChange(value.filter((other) => choiceKey(other) !== choiceKey(item)));
                    chooser.current?.focus();
                  }}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <div className="flex flex-wrap items-end gap-2">
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-choice`}>Remind me</Label>
          <select
            id={`${id}-choice`}
            ref={chooser}
            value={selected}
            disabled={full}
            aria-describedby={`${id}-note`}
            className={cn(fieldClassName, "h-10 w-auto pr-8")}
            onChange={(event) => {
              setChoice(event.target.value);
              setProblem(null);
            }}
          >
            {OFFSET_PRESETS.map((minutes) => (
              <option key={minutes} value={String(minutes)} disabled={dueDate === null}>
                {offsetWords(minutes)}
              </option>
            ))}
            <option value={CUSTOM}>At a moment…</option>
          </select>
        </div>
        {selected === CUSTOM && !full ? (
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-moment`}>Date and time</Label>
            <input
              id={`${id}-moment`}
              type="datetime-local"
              value={moment}
              className={cn(fieldClassName, "h-10 w-auto")}
              onChange={(event) => setMoment(event.target.value)}
              onKeyDown={(event) => {
                // Enter adds the moment here rather than saving the form without it.
                if (event.key !== "Enter") return;
                event.preventDefault();
                add();
              }}
            />
          </div>
        ) : null}
        <Button type="button" variant="outline" size="sm" disabled={full} onClick={add}>
          Add reminder
        </Button>
      </div>
      <p id={`${id}-note`} className="text-xs text-muted-foreground">
        {note}
      </p>
      {problem ? (
        <p role="alert" className="text-xs text-destructive">
          {problem}
        </p>
      ) : null}
    </fieldset>
  );
}
