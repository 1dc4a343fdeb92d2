"use client";

import { describeRepeat } from "@taskline/repeat";
import { cn } from "@/components/ui/cn";
import type { QuickAddPart, QuickAddResult } from "@/lib/quick-add/parse-quick-add";
import { describeDue } from "../describe-due";
import { offsetWords } from "../reminder-words";

interface QuickAddChipsProps {
  result: QuickAddResult;
  className?: string;
  timeZone: string;
  onRemove(part: QuickAddPart): void;
}

const PRIORITY_WORDS = { none: "No", low: "Low", medium: "Medium", high: "High" } as const;

/** The minutes of a reminder part: `result.reminders` holds them in the order of their parts. */
function reminderMinutes(part: QuickAddPart, result: QuickAddResult): number {
  const index = result.parts.filter((other) => other.kind === "reminder").indexOf(part);
  return result.reminders[index] ?? 0;
}

/** What a recognised part means, in words: "Tomorrow 09:00", "High priority", "#home". */
function meaning(part: QuickAddPart, result: QuickAddResult, timeZone: string): string {
  if (part.kind === "label") return part.text;
  if (part.kind === "priority") return `${PRIORITY_WORDS[result.priority]} priority`;
  if (part.kind === "reminder") {
    if (result.dueDate === null) return "Reminder needs a due date";
    return `Reminder ${offsetWords(reminderMinutes(part, result)).toLowerCase()}`;
  }
  if (part.kind === "repeat") {
    const rule = result.recurrence ?? "";
    return `Repeats ${describeRepeat(rule, result.recurrenceFrom) ?? rule}`;
  }
  const due = describeDue(
    { due_date: result.dueDate, due_time: result.dueTime, due_at: null, is_completed: true },
    { now: new Date(), timeZone },
  );
  return due ? `Due ${due.text}` : part.text;
}

/**
 * The parts of the quick-add line read as a date, repeat, reminder, priority or label, as chips
 * under the field. Removing one keeps its text in the title instead.
 */
export function QuickAddChips({ result, className, timeZone, onRemove }: QuickAddChipsProps) {
  if (result.parts.length === 0) return null;
  return (
    <ul aria-label="Recognised in the title" className={cn("flex flex-wrap gap-1.5", className)}>
      {result.parts.map((part) => (
        <li
          key={`${part.kind}:${part.start}`}
          className="inline-flex items-center gap-1 rounded-full border bg-accent py-0.5 pr-0.5 pl-2.5 text-xs text-accent-foreground"
        >
          <span>{meaning(part, result, timeZone)}</span>
          <button
            type="button"
            aria-label={`Keep "${part.text}" in the title`}
            title={`Keep "${part.text}" in the title`}
            className="inline-flex size-6 cursor-pointer items-center justify-center rounded-full hover:bg-background/70 focus-visible:outline-2 focus-visible:outline-ring"
            onClick={() => onRemove(part)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
