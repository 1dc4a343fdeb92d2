import { RRuleTemporal } from "rrule-temporal";
import { Temporal } from "temporal-polyfill";

/**
 * Recurring tasks: an RFC 5545 RRULE value (without `RRULE:`), evaluated by rrule-temporal in the
 * task's own time zone, from the task's due date and time. The next date of a series is computed
 * here and only here.
 */

export const RECURRENCE_FROM = ["due", "completion"] as const;
export type RecurrenceFrom = (typeof RECURRENCE_FROM)[number];

export const RECURRENCE_MAX = 500;

/** FREQ values a task may repeat at: hourly or slower. */
const FREQUENCIES = ["YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY"];

/** The rule parts RFC 5545 defines (DTSTART comes from the task, never the rule). */
const PARTS = new Set([
  "FREQ",
  "UNTIL",
  "COUNT",
  "INTERVAL",
  "BYSECOND",
  "BYMINUTE",
  "BYHOUR",
  "BYDAY",
  "BYMONTHDAY",
  "BYYEARDAY",
  "BYWEEKNO",
  "BYMONTH",
  "BYSETPOS",
  "WKST",
]);

/**
 * How far the library may step through candidate dates to find one occurrence. It bounds what a
 * rule can cost (a rule that never matches, such as the 30th of February, stops here and is
 * refused); a daily rule that needs a 29th of February finds it within four years of steps.
 */
const MAX_STEPS = 2_000;

type Rule = { parts: Map<string, string>; count: number | undefined };

/** The rule's parts, upper-cased; undefined when it is not `NAME=value;…` of known names. */
function parseParts(recurrence: string): Rule | undefined {
  const parts = new Map<string, string>();
  for (const part of recurrence.toUpperCase().split(";")) {
    const match = /^([A-Z]+)=([A-Z0-9,+-]+)$/.exec(part);
    if (!match?.[1] || !match[2] || !PARTS.has(match[1]) || parts.has(match[1])) return undefined;
    parts.set(match[1], match[2]);
  }
  const count = parts.get("COUNT");
  if (count !== undefined && !/^[1-9]\d{0,5}$/.test(count)) return undefined;
  return { parts, count: count === undefined ? undefined : Number(count) };
}

/** The rule as stored and answered: its parts upper-cased, in the order given. */
export function normalRule(recurrence: string): string {
  return recurrence.trim().toUpperCase();
}

/**
 * What is wrong with a rule on its own, in words; undefined when it parses and repeats hourly or
 * slower. (Whether it has an occurrence depends on the due date: see `hasOccurrence`.)
 */
export function ruleProblem(recurrence: string): string | undefined {
  const rule = parseParts(normalRule(recurrence));
  if (rule === undefined) return "Input should be an RRULE value such as FREQ=WEEKLY;BYDAY=MO,WE";
  const freq = rule.parts.get("FREQ");
  if (freq === undefined) return "An RRULE needs a FREQ";
  if (!FREQUENCIES.includes(freq))
    return "A task may repeat hourly at most (FREQ=HOURLY or slower)";
  if (rule.parts.has("UNTIL") && rule.parts.has("COUNT")) return "Use COUNT or UNTIL, not both";
  try {
    ruleFrom(rule, Temporal.ZonedDateTime.from("2027-01-01T09:00[UTC]"));
  } catch {
    return "Input should be an RRULE value such as FREQ=WEEKLY;BYDAY=MO,WE";
  }
  return undefined;
}

/**
 * The library's rule starting at `start`, with `count` occurrences from there (a series counts
 * its occurrences itself, so the rule's own COUNT is left out).
 */
function ruleFrom(rule: Rule, start: Temporal.ZonedDateTime, count?: number): RRuleTemporal {
  const body = [...rule.parts].filter(([name]) => name !== "COUNT");
  if (count !== undefined) body.push(["COUNT", String(count)]);
  const dtstart = start.toPlainDateTime().toString().replace(/[-:]/g, "").slice(0, 15);
  return new RRuleTemporal({
    rruleString: `DTSTART;TZID=${start.timeZoneId}:${dtstart}\nRRULE:${body.map(([n, v]) => `${n}=${v}`).join(";")}`,
    maxIterations: MAX_STEPS,
  });
}

/** A recurring task's schedule: its rule, due fields and place in its series (1 = first). */
export type Schedule = {
  recurrence: string;
  from: RecurrenceFrom;
  dueDate: string;
  dueTime: string | null;
  timeZone: string;
  occurrence: number;
};

/** The due date and time of a schedule's next occurrence. */
export type NextDue = { dueDate: string; dueTime: string | null };

const startOf = (date: string, time: string | null, timeZone: string) =>
  Temporal.PlainDate.from(date).toZonedDateTime({
    timeZone,
    plainTime: Temporal.PlainTime.from(time ?? "00:00"),
  });

/**
 * The next occurrence after this one: after its due date when the series follows its schedule,
 * after `completedOn` (the day it was done, in its zone) when it counts from completion.
 * Undefined when COUNT or UNTIL has ended the series, or the rule has no further date. Daily and
 * slower rules keep the task's wall-clock time; an hourly one moves it.
 */
export function nextDue(schedule: Schedule, completedOn: string): NextDue | undefined {
  const rule = parseParts(schedule.recurrence);
  if (rule === undefined) return undefined;
  if (rule.count !== undefined && schedule.occurrence >= rule.count) return undefined;
  const from = schedule.from === "completion" ? completedOn : schedule.dueDate;
  const start = startOf(from, schedule.dueTime, schedule.timeZone);
  let next: Temporal.ZonedDateTime | null;
  try {
    next = ruleFrom(rule, start).next(start, false) as Temporal.ZonedDateTime | null;
  } catch {
    return undefined; // no occurrence within MAX_STEPS
  }
  if (next === null) return undefined;
  const zoned = Temporal.ZonedDateTime.from(next.toString());
  const hourly = rule.parts.get("FREQ") === "HOURLY";
  return {
    dueDate: zoned.toPlainDate().toString(),
    dueTime: hourly ? zoned.toPlainTime().toString().slice(0, 5) : schedule.dueTime,
  };
}

/**
 * Whether a schedule has an occurrence from now on: its own due moment if that is still ahead,
 * else a later one, within what COUNT leaves of its series and UNTIL. (Searched step by step from
 * the due date: a due date older than the steps allow counts as having none.)
 */
export function hasFutureOccurrence(
  schedule: Omit<Schedule, "from">,
  now: Temporal.Instant = Temporal.Now.instant(),
): boolean {
  const rule = parseParts(schedule.recurrence);
  if (rule === undefined) return false;
  const left = rule.count === undefined ? undefined : rule.count - schedule.occurrence + 1;
  if (left !== undefined && left <= 0) return false;
  const start = startOf(schedule.dueDate, schedule.dueTime, schedule.timeZone);
  const nowThere = now.toZonedDateTimeISO(schedule.timeZone);
  const after = Temporal.ZonedDateTime.compare(start, nowThere) > 0 ? start : nowThere;
  try {
    return ruleFrom(rule, start, left).next(after, true) !== null;
  } catch {
    return false;
  }
}
