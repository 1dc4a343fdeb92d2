import type { Task, TaskChanges } from "./task-api";

export type Reminder = Task["reminders"][number];
/** A reminder as the API takes it: `{offset_minutes}` or `{at}`. */
export type ReminderWrite = NonNullable<TaskChanges["reminders"]>[number];

/** What the editor holds: minutes before the due moment, or an instant (ISO 8601). */
export type ReminderChoice = { offsetMinutes: number } | { at: string };

/** The editor's ready-made choices, in minutes before the due moment. */
export const OFFSET_PRESETS: readonly number[] = [0, 10, 30, 60, 1440];

export { MAX_REMINDERS } from "@/lib/quick-add/reminder";

export function choiceOf(reminder: Reminder): ReminderChoice {
  return reminder.offset_minutes !== null
    ? { offsetMinutes: reminder.offset_minutes }
    : { at: reminder.at ?? reminder.fires_at };
}

export function writeOf(choice: ReminderChoice): ReminderWrite {
  return "offsetMinutes" in choice ? { offset_minutes: choice.offsetMinutes } : { at: choice.at };
}

function choiceOfWrite(write: ReminderWrite): ReminderChoice | null {
  if (typeof write.offset_minutes === "number") return { offsetMinutes: write.offset_minutes };
  return typeof write.at === "string" ? { at: write.at } : null;
}

/** Equal choices are one reminder to the API: an offset by its minutes, an instant by its time. */
export function choiceKey(choice: ReminderChoice): string {
  return "offsetMinutes" in choice
    ? `offset:${choice.offsetMinutes}`
    : `at:${new Date(choice.at).getTime()}`;
}

/** Whether two lists name the same reminders, in any order. */
export function sameChoices(a: readonly ReminderChoice[], b: readonly ReminderChoice[]): boolean {
  const keys = (list: readonly ReminderChoice[]) => [...new Set(list.map(choiceKey))].sort();
  return keys(a).join("\n") === keys(b).join("\n");
}

/** Relative reminders need a due date: without one only the instants remain. */
export const withoutOffsets = (choices: readonly ReminderChoice[]) =>
  choices.filter((choice) => "at" in choice);

/**
 * Reminders still to go off: not sent, not given up, and not past. One whose moment is not
 * known yet (an edit shown before the API answers) counts as pending.
 */
export function pendingReminders(task: Pick<Task, "reminders">, now: Date): Reminder[] {
  return task.reminders.filter(
    (reminder) =>
      reminder.sent_at === null &&
      reminder.failed_at === null &&
      !(Date.parse(reminder.fires_at) <= now.getTime()),
  );
}

/**
 * The reminders a task will have once the API takes `writes`, shown before it answers: an equal
 * one it had stays as it was (id and delivery), unless the due moment moved (`dueAt` null until
 * the API computes it); a new one is pending, its moment known only for an instant.
 */
export function shownReminders(
  writes: readonly ReminderWrite[],
  before: readonly Reminder[],
  dueAt: string | null,
): Reminder[] {
  const shown: Reminder[] = [];
  for (const write of writes) {
    const choice = choiceOfWrite(write);
    if (choice === null || shown.some((other) => choiceKey(choiceOf(other)) === choiceKey(choice)))
      continue;
    const kept = before.find((old) => choiceKey(choiceOf(old)) === choiceKey(choice));
    const relative = "offsetMinutes" in choice;
    if (kept && (!relative || dueAt !== null)) {
      shown.push(kept);
      continue;
    }
    const firesAt = relative
      ? dueAt === null
        ? ""
        : new Date(Date.parse(dueAt) - choice.offsetMinutes * 60_000).toISOString()
      : choice.at;
    shown.push({
      id: `new:${choiceKey(choice)}`,
      offset_minutes: relative ? choice.offsetMinutes : null,
      at: relative ? null : choice.at,
      fires_at: firesAt,
      sent_at: null,
      failed_at: null,
    });
  }
  return shown.sort(
    (a, b) => (Date.parse(a.fires_at) || Infinity) - (Date.parse(b.fires_at) || Infinity),
  );
}
