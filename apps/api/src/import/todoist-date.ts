import { firstDate, readRepeat } from "@taskline/repeat";
import { Temporal } from "temporal-polyfill";
import { calendarDay } from "../tasks/due.ts";

/** The due fields a Todoist DATE cell gives, and its text when they cannot say it all. */
export type TodoistDue = {
  due_date?: string;
  due_time?: string;
  time_zone?: string;
  recurrence?: string;
  recurrence_from?: "due" | "completion";
  /** The original text, kept in the description ("Date: …") when it is not read exactly. */
  unread?: string;
};

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(?::\d{2})?$/;
/** ISO 8601 with an offset or Z: a moment, shown as the wall-clock time in the zone. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Reads a DATE cell of Todoist's CSV in `timeZone`: a date, a date and time, an ISO 8601 moment,
 * or a repeat phrase (`every monday`: its rule, due on its first date from `now`'s day). Anything
 * else (`tomorrow at 5pm`) only as its text.
 */
export function readTodoistDate(text: string, timeZone: string, now: Temporal.Instant): TodoistDue {
  const value = text.trim();
  if (value === "") return {};
  if (PLAIN_DATE.test(value)) return { due_date: value, time_zone: timeZone };
  const dateTime = DATE_TIME.exec(value);
  if (dateTime) return { due_date: dateTime[1], due_time: dateTime[2], time_zone: timeZone };
  if (INSTANT.test(value)) {
    try {
      const there = Temporal.Instant.from(value).toZonedDateTimeISO(timeZone);
      return {
        due_date: there.toPlainDate().toString(),
        due_time: there.toPlainTime().toString().slice(0, 5),
        time_zone: timeZone,
      };
    } catch {
      return { unread: value };
    }
  }
  const repeat = readRepeat(value);
  if (repeat === undefined) return { unread: value };
  const whole = repeat.start === 0 && repeat.end === value.length;
  return {
    due_date: firstDate(repeat.rule, calendarDay(timeZone, 0, now)),
    time_zone: timeZone,
    recurrence: repeat.rule,
    recurrence_from: repeat.from,
    // "every day at 9am": the rule says the days; the rest stays in words.
    ...(whole ? {} : { unread: value }),
  };
}
