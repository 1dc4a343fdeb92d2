import { addDays, type CalendarDate, formatDate } from "@/lib/quick-add/wall-clock";
import { todayIn } from "./task-views";

/** A due date the editor offers with one click, beside the date picker. */
export interface DuePick {
  label: "Today" | "Tomorrow" | "Next week";
  /** `YYYY-MM-DD`. */
  date: string;
  /** The date in words, for the button's title and accessible name. */
  words: string;
}

const weekdayOf = ({ year, month, day }: CalendarDate) =>
  new Date(Date.UTC(year, month - 1, day)).getUTCDay();

const inWords = (date: CalendarDate) =>
  new Date(Date.UTC(date.year, date.month - 1, date.day)).toLocaleDateString("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });

/** Today, tomorrow and next week's Monday (unless that is tomorrow), as days in `timeZone`. */
export function duePicks(timeZone: string, now: Date): DuePick[] {
  const today = todayIn(timeZone, now);
  // Monday is 1: from Sunday it is tomorrow, from Monday a week on.
  const untilMonday = (8 - weekdayOf(today)) % 7 || 7;
  return (
    [
      ["Today", today],
      ["Tomorrow", addDays(today, 1)],
      ["Next week", addDays(today, untilMonday)],
    ] as const
  )
    .map(([label, date]) => ({ label, date: formatDate(date), words: inWords(date) }))
    .filter((pick, index, picks) => picks.findIndex((other) => other.date === pick.date) === index);
}
