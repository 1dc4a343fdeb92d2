import { type Component, casual, GB, type ParsedResult } from "chrono-node/en";
import type { Span } from "./tokens";
import {
  addDays,
  type CalendarDate,
  compareDates,
  formatDate,
  formatTime,
  isRealDate,
  type WallClock,
  wallClockIn,
} from "./wall-clock";

/** How a numeric date like `12/5` reads: 5 December (US) or 12 May (most other places). */
export type DateOrder = "month-first" | "day-first";

export interface DueContext {
  now: Date;
  timeZone: string;
  dateOrder: DateOrder;
  /** True for a stretch the user asked to keep as title text. */
  isIgnored: (text: string) => boolean;
}

export interface DueMatch {
  /** One span, or two when a date and a time were written apart ("tomorrow #home 9am"). */
  spans: Span[];
  dueDate: string;
  dueTime: string | null;
}

interface Candidate {
  span: Span;
  result: ParsedResult;
  hasTime: boolean;
  /** Names no day at all: "9am", "17:00". */
  timeOnly: boolean;
}

/** Words that introduce a date and read as part of it: "due friday", "by 5 dec". */
const LEADING_CONNECTOR = /(?:^|\s)(?:by|due|on|at)\s+$/iu;
const DAY_UNITS: readonly Component[] = ["weekday", "day", "month", "year"];
/** Characters that, right next to a match, show it is part of a longer word: "Monday's", "1/2/3". */
const WORD_CHARACTER = /[\p{L}\p{N}'\u2019_@#/&-]/u;

/**
 * The month/day order of a locale's numeric dates (`navigator.language`): day-first when its
 * short date puts the day before the month.
 */
export function dateOrderFor(locale: string): DateOrder {
  const parts = new Intl.DateTimeFormat(locale, { day: "numeric", month: "numeric" }).formatToParts(
    new Date(Date.UTC(2000, 11, 31, 12)),
  );
  const day = parts.findIndex((part) => part.type === "day");
  const month = parts.findIndex((part) => part.type === "month");
  return day !== -1 && day < month ? "day-first" : "month-first";
}

function parserFor(context: DueContext) {
  return context.dateOrder === "day-first" ? GB : casual;
}

function isWanted(result: ParsedResult): boolean {
  const tags = result.tags();
  // "now" as a due time is never meant ("Do it now"); a bare month name is a word more often
  // than a date ("Plan the march").
  return !tags.has("casualReference/now") && !tags.has("parser/ENMonthNameParser");
}

function standsAlone(input: string, span: Span): boolean {
  return (
    !WORD_CHARACTER.test(input.charAt(span.start - 1)) &&
    !WORD_CHARACTER.test(input.charAt(span.end))
  );
}

function candidatesIn(input: string, segment: Span, reference: Date, context: DueContext) {
  const parser = parserFor(context);
  const text = input.slice(segment.start, segment.end);
  const candidates: Candidate[] = [];
  for (const result of parser.parse(text, reference)) {
    const connector = LEADING_CONNECTOR.exec(text.slice(0, result.index));
    const localStart = connector
      ? connector.index + connector[0].length - connector[0].trimStart().length
      : result.index;
    const span = {
      start: segment.start + localStart,
      end: segment.start + result.index + result.text.length,
    };
    if (!isWanted(result) || !standsAlone(input, span)) continue;
    if (context.isIgnored(input.slice(span.start, span.end))) continue;
    const hasTime = result.start.isCertain("hour");
    const timeOnly = hasTime && !DAY_UNITS.some((unit) => result.start.isCertain(unit));
    candidates.push({ span, result, hasTime, timeOnly });
  }
  return candidates;
}

function componentsOf(result: ParsedResult): WallClock {
  const get = (unit: "year" | "month" | "day" | "hour" | "minute") => result.start.get(unit) ?? 0;
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
  };
}

interface TimeOfDay {
  hour: number;
  minute: number;
}

/** True when `time` is earlier in the day than the clock `now` shows. */
function hasPassed(time: TimeOfDay | null, now: WallClock): boolean {
  return time !== null && time.hour * 60 + time.minute < now.hour * 60 + now.minute;
}

/** The next `month`/`day` on or after `today` (29 February: the next leap year's). */
function nextOccurrence(month: number, day: number, today: CalendarDate): CalendarDate | null {
  for (let year = today.year; year <= today.year + 8; year += 1) {
    const date = { year, month, day };
    if (isRealDate(date) && compareDates(date, today) >= 0) return date;
  }
  return null;
}

/**
 * The day a date candidate names, moved forward where a person means the future: a weekday on
 * its own is the next one (today included, unless the time given has passed); a day and month
 * without a year is the next such day. Everything else is as written ("yesterday" stays past).
 */
function resolveDay(dated: Candidate, time: TimeOfDay | null, now: WallClock): CalendarDate | null {
  const { start } = dated.result;
  const written = componentsOf(dated.result);
  const today = { year: now.year, month: now.month, day: now.day };
  const date = { year: written.year, month: written.month, day: written.day };
  const weekdayOnly = start.isCertain("weekday") && !start.isCertain("day");
  if (weekdayOnly && !/\b(?:last|past)\b/iu.test(dated.result.text)) {
    const order = compareDates(date, today);
    return order < 0 || (order === 0 && hasPassed(time, now)) ? addDays(date, 7) : date;
  }
  if (start.isCertain("month") && start.isCertain("day") && !start.isCertain("year")) {
    return nextOccurrence(written.month, written.day, today);
  }
  return isRealDate(date) ? date : null;
}

/**
 * "in 2 hours" is elapsed time, to be added to the instant and read on the zone's clock. chrono
 * adds it on the machine's local clock, which a DST change bends; so it is measured again from a
 * day on which no clock anywhere changes.
 */
function elapsedMs(candidate: Candidate, context: DueContext): number {
  const calm = new Date(2001, 0, 10, 12, 0);
  const [again] = parserFor(context).parse(candidate.result.text, calm);
  return again ? again.start.date().getTime() - calm.getTime() : 0;
}

/**
 * The due date and time written in the input's `segments` (the text outside quotes, labels and
 * priorities), computed on the wall clock of `context.timeZone` whatever zone the machine is in.
 * Only the first date counts; a time written apart from it ("tomorrow !high 9am") joins it.
 */
export function findDue(
  input: string,
  segments: readonly Span[],
  context: DueContext,
): DueMatch | null {
  const now = wallClockIn(context.now, context.timeZone);
  // chrono reads the reference's local fields: give it the zone's wall clock as local time.
  const reference = new Date(now.year, now.month - 1, now.day, now.hour, now.minute);
  const candidates = segments.flatMap((segment) =>
    candidatesIn(input, segment, reference, context),
  );
  const first = candidates[0];
  if (first === undefined) return null;

  if (first.result.tags().has("result/relativeDateAndTime")) {
    const due = wallClockIn(
      new Date(context.now.getTime() + elapsedMs(first, context)),
      context.timeZone,
    );
    return {
      spans: [first.span],
      dueDate: formatDate(due),
      dueTime: formatTime(due.hour, due.minute),
    };
  }

  const partner = candidates
    .slice(1)
    .find((other) => (first.timeOnly ? !other.hasTime : !first.hasTime && other.timeOnly));
  const timed = first.hasTime ? first : partner;
  const time = timed ? componentsOf(timed.result) : null;
  const dated = first.timeOnly ? partner : first;
  const spans = partner ? [first.span, partner.span] : [first.span];

  // A time alone is its next occurrence: "5pm" typed at 18:00 is tomorrow's.
  const day = dated ? resolveDay(dated, time, now) : addDays(now, hasPassed(time, now) ? 1 : 0);
  if (day === null) return null;
  return {
    spans: spans.sort((a, b) => a.start - b.start),
    dueDate: formatDate(day),
    dueTime: time ? formatTime(time.hour, time.minute) : null,
  };
}
