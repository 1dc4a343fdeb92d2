"use client";

import { useCallback, useState } from "react";
import {
  dateOrderFor,
  type IgnoredPart,
  parseQuickAdd,
  type QuickAddPart,
  type QuickAddResult,
} from "@/lib/quick-add/parse-quick-add";
import { type TaskView, type ViewDays, viewPreset } from "./task-views";
import type { NewTaskInput } from "./use-task-mutations";

/**
 * Quick add's reading of the line being typed, in the user's zone, with the view's preset and
 * the parts the user turned back into text (removed chips) until the line is added.
 */
export function useQuickAdd(view: TaskView, days: ViewDays, timeZone: string) {
  const [ignored, setIgnored] = useState<IgnoredPart[]>([]);
  const parse = useCallback(
    (typed: string): QuickAddResult =>
      parseQuickAdd(typed, {
        now: new Date(),
        timeZone,
        dateOrder: dateOrderFor(typeof navigator === "undefined" ? "en-US" : navigator.language),
        preset: viewPreset(view, days),
        ignore: ignored,
      }),
    [timeZone, view, days, ignored],
  );
  return {
    parse,
    /** Keep this part's text in the title from now on. */
    ignore: (part: QuickAddPart) =>
      setIgnored((current) => [...current, { kind: part.kind, text: part.text }]),
    reset: () => setIgnored([]),
    /** The organizing fields to send: only those that are set, so a plain task is just its text. */
    fieldsOf(result: QuickAddResult): Omit<NewTaskInput, "title" | "description"> {
      return {
        ...(result.priority !== "none" && { priority: result.priority }),
        ...(result.labels.length > 0 && { labels: result.labels }),
        ...(result.dueDate !== null && {
          due_date: result.dueDate,
          due_time: result.dueTime,
          time_zone: timeZone,
        }),
        ...(result.reminders.length > 0 && {
          reminders: result.reminders.map((minutes) => ({ offset_minutes: minutes })),
        }),
        ...(result.recurrence !== null && {
          recurrence: result.recurrence,
          recurrence_from: result.recurrenceFrom,
        }),
      };
    },
  };
}
