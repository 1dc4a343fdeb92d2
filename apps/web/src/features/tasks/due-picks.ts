import { addDays, formatDate } from "@/lib/quick-add/wall-clock";
import { dayInWords, weekday } from "./describe-due";
import { todayIn } from "./task-views";

/** A due date the editor offers with one click, beside the date picker. */
export interface DuePick {
  label: "Today" | "Tomorrow" | "Next week";
  /** `YYYY-MM-DD`. */
  date: string;
  /** The date in words, for the button's title and accessible name. */
  words: string;
}

/** Today, tomorrow and next week's Monday (unless that is tomorrow), as days in `timeZone`. */
export function duePicks(timeZone: string, now: Date): DuePick[] {
  const today = todayIn(timeZone, now);
  // Monday is 1: from Sunday it is tomorrow, from Monday a week on.
  const untilMonday = (8 - weekday(today)) % 7 || 7;
  return (
    [
      ["Today", today],
      ["Tomorrow", addDays(today, 1)],
      ["Next week", addDays(today, untilMonday)],
    ] as const
  )
    .map(([label, day]) => ({ label, date: formatDate(day), words: dayInWords(formatDate(day)) }))
    .filter((pick, index, picks) => picks.findIndex((other) => other.date === pick.date) === index);
}
