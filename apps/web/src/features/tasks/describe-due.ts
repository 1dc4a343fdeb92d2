import { type CalendarDate, formatTime, wallClockIn } from "@/lib/quick-add/wall-clock";
import type { Task } from "./task-api";

const WEEKDAYS_SHORT = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export interface DueWords {
  /** What the row shows: "Today 17:00", "Tomorrow", "Fri", "5 Dec", "Overdue · 2 days". */
  text: string;
  /** The same for a screen reader, as a sentence part: "Due tomorrow", "Overdue by 2 days". */
  label: string;
  overdue: boolean;
}

export interface DueClock {
  now: Date;
  /** The user's IANA time zone: "today" is today there. */
  timeZone: string;
}

export function parseDate(value: string): CalendarDate {
  const [year = 0, month = 1, day = 1] = value.split("-").map(Number);
  return { year, month, day };
}

const dayNumber = ({ year, month, day }: CalendarDate) =>
  Math.round(Date.UTC(year, month - 1, day) / 86_400_000);

/** 0 for Sunday … 6 for Saturday. */
export const weekday = (date: CalendarDate) => new Date(dayNumber(date) * 86_400_000).getUTCDay();

/** `2027-03-15` as "Mon 15 Mar". */
export const dayInWords = (date: string) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });

/** A day in words from `today`: "Today", "Tomorrow", "Yesterday", "Fri", "5 Dec", "5 Dec 2027". */
function dayWords(date: CalendarDate, today: CalendarDate): string {
  const offset = dayNumber(date) - dayNumber(today);
  if (offset === 0) return "Today";
  if (offset === 1) return "Tomorrow";
  if (offset === -1) return "Yesterday";
  if (offset > 1 && offset < 7) return WEEKDAYS_SHORT[weekday(date)] ?? "";
  const dayMonth = `${date.day} ${MONTHS[date.month - 1]}`;
  return date.year === today.year ? dayMonth : `${dayMonth} ${date.year}`;
}

/** A heading for a day of the Upcoming view: "Today", "Tomorrow", "Friday 5 Dec". */
export function dayHeading(date: string, clock: DueClock): string {
  const day = parseDate(date);
  const today = wallClockIn(clock.now, clock.timeZone);
  const offset = dayNumber(day) - dayNumber(today);
  if (offset === 0) return "Today";
  if (offset === 1) return "Tomorrow";
  const words = `${WEEKDAYS[weekday(day)]} ${day.day} ${MONTHS[day.month - 1]}`;
  return day.year === today.year ? words : `${words} ${day.year}`;
}

type DueFields = Pick<Task, "due_date" | "due_time" | "due_at" | "is_completed">;

/**
 * A task's due date in words, relative to today in the user's zone. A timed task is shown at its
 * moment on the user's clock (its own zone may differ); an all-day task on its calendar day. An
 * open task whose moment has passed is overdue: "Overdue · 2 days" from an earlier day, its day and
 * time in red today. Null without a due date.
 */
export function describeDue(task: DueFields, clock: DueClock): DueWords | null {
  if (task.due_date === null) return null;
  const now = wallClockIn(clock.now, clock.timeZone);
  let day: CalendarDate = parseDate(task.due_date);
  let time = task.due_time?.slice(0, 5) ?? null;
  if (task.due_time !== null && task.due_at !== null) {
    const local = wallClockIn(new Date(task.due_at), clock.timeZone);
    day = local;
    time = formatTime(local.hour, local.minute);
  }
  const overdue =
    !task.is_completed &&
    (task.due_at !== null
      ? new Date(task.due_at).getTime() <= clock.now.getTime()
      : dayNumber(day) < dayNumber(now));
  const late = dayNumber(now) - dayNumber(day);
  if (overdue && late > 0) {
    const days = late === 1 ? "1 day" : `${late} days`;
    return { text: `Overdue · ${days}`, label: `Overdue by ${days}`, overdue };
  }
  const words = dayWords(day, now);
  const text = time === null ? words : `${words} ${time}`;
  const lower = /^(Today|Tomorrow|Yesterday)/.test(words) ? text.toLowerCase() : `on ${text}`;
  return { text, label: overdue ? `Overdue, due ${lower}` : `Due ${lower}`, overdue };
}
