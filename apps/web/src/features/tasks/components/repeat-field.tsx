"use client";

import { describeRepeat, type RepeatFrom } from "@taskline/repeat";
import { useId, useState } from "react";
import { cn } from "@/components/ui/cn";
import { fieldClassName } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export interface RepeatValue {
  recurrence: string | null;
  recurrenceFrom: RepeatFrom;
}

interface RepeatFieldProps {
  value: RepeatValue;
  onChange(next: RepeatValue): void;
  /** The task's due date (`YYYY-MM-DD`): a repeat needs one, and the choices follow its day. */
  dueDate: string | null;
}

const DAY_CODES = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"] as const;
const CUSTOM = "custom";

/** The usual rules, worded for the due date's day ("Every week on Friday"). */
function presets(dueDate: string): { rule: string; label: string }[] {
  const day = new Date(`${dueDate}T00:00:00Z`);
  const weekly = `FREQ=WEEKLY;BYDAY=${DAY_CODES[day.getUTCDay()]}`;
  const monthly = `FREQ=MONTHLY;BYMONTHDAY=${day.getUTCDate()}`;
  const rules = [
    "FREQ=DAILY",
    "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    weekly,
    monthly,
    "FREQ=MONTHLY;BYMONTHDAY=-1",
    "FREQ=YEARLY",
  ];
  return rules.map((rule) => {
    const words = describeRepeat(rule) ?? rule;
    return { rule, label: words.charAt(0).toUpperCase() + words.slice(1) };
  });
}

/**
 * How the task repeats: none, one of the usual rules for its due date, or a custom RFC 5545
 * rule typed in; and whether the next date counts from the day it is completed. Without a due
 * date there is nothing to repeat from, so the choice waits for one.
 */
export function RepeatField({ value, onChange, dueDate }: RepeatFieldProps) {
  const id = useId();
  const choices = dueDate === null ? [] : presets(dueDate);
  const known = choices.some((choice) => choice.rule === value.recurrence);
  const [custom, setCustom] = useState(value.recurrence !== null && !known);
  const selected = value.recurrence === null ? "" : custom || !known ? CUSTOM : value.recurrence;
  return (
    <fieldset className="grid gap-2" disabled={dueDate === null}>
      <div className="grid gap-1.5 sm:grid-cols-[auto_1fr] sm:items-end sm:gap-3">
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-repeat`}>Repeat</Label>
          <select
            id={`${id}-repeat`}
            value={selected}
            aria-describedby={`${id}-note`}
            className={cn(fieldClassName, "h-10 w-auto pr-8")}
            onChange={(event) => {
              const choice = event.target.value;
              setCustom(choice === CUSTOM);
              if (choice === "") onChange({ ...value, recurrence: null });
              else if (choice !== CUSTOM) onChange({ ...value, recurrence: choice });
              else onChange({ ...value, recurrence: value.recurrence ?? "FREQ=WEEKLY" });
            }}
          >
            <option value="">Does not repeat</option>
            {choices.map((choice) => (
              <option key={choice.rule} value={choice.rule}>
                {choice.label}
              </option>
            ))}
            <option value={CUSTOM}>Custom rule…</option>
          </select>
        </div>
        {selected === CUSTOM ? (
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-rule`}>Rule (RFC 5545 RRULE)</Label>
            <input
              id={`${id}-rule`}
              value={value.recurrence ?? ""}
              spellCheck={false}
              placeholder="FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"
              className={cn(fieldClassName, "h-10 font-mono text-xs")}
              onChange={(event) =>
                onChange({ ...value, recurrence: event.target.value.trim() || null })
              }
            />
          </div>
        ) : null}
      </div>
      <p id={`${id}-note`} className="text-xs text-muted-foreground">
        {dueDate === null ? "Pick a due date to repeat the task." : null}
      </p>
      {value.recurrence !== null ? (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={value.recurrenceFrom === "completion"}
            onChange={(event) =>
              onChange({ ...value, recurrenceFrom: event.target.checked ? "completion" : "due" })
            }
          />
          Count the next date from the day it is completed
        </label>
      ) : null}
    </fieldset>
  );
}
