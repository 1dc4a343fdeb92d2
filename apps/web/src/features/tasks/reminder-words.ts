import type { DueClock } from "./describe-due";
import { choiceOf, type Reminder, type ReminderChoice } from "./reminder-choices";

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? "" : "s"}`;

/** "At due time", "10 minutes before", "1 hour before", "2 days before", "90 minutes before". */
export function offsetWords(minutes: number): string {
  if (minutes === 0) return "At due time";
  if (minutes % 1440 === 0) return `${plural(minutes / 1440, "day")} before`;
  if (minutes % 60 === 0) return `${plural(minutes / 60, "hour")} before`;
  return `${plural(minutes, "minute")} before`;
}

/** An instant on the user's wall clock: "5 Dec, 09:00", with the year when it is not this one. */
export function momentWords(at: string, clock: DueClock): string {
  const when = new Date(at);
  const year = (date: Date) =>
    new Intl.DateTimeFormat("en-GB", { timeZone: clock.timeZone, year: "numeric" }).format(date);
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: clock.timeZone,
    day: "numeric",
    month: "short",
    ...(year(when) !== year(clock.now) && { year: "numeric" }),
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(when);
}

/** A reminder as the editor lists it: "30 minutes before", "At 5 Dec, 09:00". */
export function choiceWords(choice: ReminderChoice, clock: DueClock): string {
  return "offsetMinutes" in choice
    ? offsetWords(choice.offsetMinutes)
    : `At ${momentWords(choice.at, clock)}`;
}

/** The bell's label: "Reminder 30 minutes before", "Reminder at 5 Dec, 09:00", "2 reminders". */
export function bellLabel(pending: readonly Reminder[], clock: DueClock): string {
  const [only] = pending;
  if (only === undefined || pending.length > 1) return plural(pending.length, "reminder");
  const words = choiceWords(choiceOf(only), clock);
  return `Reminder ${words.charAt(0).toLowerCase()}${words.slice(1)}`;
}
