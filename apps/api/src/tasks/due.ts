import { Temporal } from "temporal-polyfill";

/**
 * A task's due moment from its wall-clock fields, computed here and only here (stored as
 * `due_at` so lists filter and sort on it). Temporal's "compatible" disambiguation: a time that
 * a DST change skips moves forward by the gap, a time that occurs twice is the earlier instant.
 */

export type DueFields = {
  dueDate: string | null;
  dueTime: string | null;
  timeZone: string | null;
};

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(value: string): boolean {
  // Years 0001 to 9999: Postgres refuses year 0000, which Temporal reads as 1 BC.
  if (!/^(?!0000)\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  try {
    return Temporal.PlainDate.from(value, { overflow: "reject" }).toString() === value;
  } catch {
    return false;
  }
}

/**
 * An IANA time zone name Temporal knows, as Temporal spells it (`europe/berlin` →
 * `Europe/Berlin`); undefined for anything else, offsets like `+02:00` included.
 */
export function timeZoneName(value: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(value)) return undefined;
  try {
    return Temporal.Now.zonedDateTimeISO(value).timeZoneId;
  } catch {
    return undefined;
  }
}

/**
 * The instant the task becomes overdue: `dueTime` on `dueDate` in `timeZone`, or for an all-day
 * task the start of the next day there; null without a due date.
 */
export function dueInstant(fields: DueFields): Date | null {
  const { dueDate, dueTime, timeZone } = fields;
  if (dueDate === null) return null;
  const zone = timeZone ?? "UTC";
  const date = Temporal.PlainDate.from(dueDate);
  const zoned =
    dueTime === null
      ? date.add({ days: 1 }).toZonedDateTime({ timeZone: zone })
      : date.toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(dueTime) });
  return new Date(zoned.epochMilliseconds);
}

/** `YYYY-MM-DD` of `instant` (default now) in `timeZone`, plus `days`. */
export function calendarDay(timeZone: string, days = 0, instant = Temporal.Now.instant()): string {
  return instant.toZonedDateTimeISO(timeZone).toPlainDate().add({ days }).toString();
}

/**
 * A task's due fields after a PATCH that names `patch`'s: without a due date, due_time and
 * time_zone are cleared; with one, an unnamed time zone stays, or is UTC. The name of the field
 * that needs a due date the task will not have, if the patch sets one.
 */
export function mergeDue(
  current: DueFields,
  patch: Partial<DueFields>,
): DueFields | "due_time" | "time_zone" {
  const dueDate = patch.dueDate === undefined ? current.dueDate : patch.dueDate;
  if (dueDate === null) {
    if (patch.dueTime) return "due_time";
    if (patch.timeZone) return "time_zone";
    return { dueDate: null, dueTime: null, timeZone: null };
  }
  const dueTime = patch.dueTime === undefined ? current.dueTime : patch.dueTime;
  const timeZone = (patch.timeZone === undefined ? current.timeZone : patch.timeZone) ?? "UTC";
  return { dueDate, dueTime, timeZone };
}
