import { overlaps, type Span } from "./tokens";

/** The API's limits: up to 5 reminders, each at most a year (525,600 minutes) before. */
export const MAX_REMINDERS = 5;
export const MAX_OFFSET_MINUTES = 525_600;

const UNIT_MINUTES: ReadonlyMap<string, number> = new Map([
  ...["m", "min", "mins", "minute", "minutes"].map((unit) => [unit, 1] as const),
  ...["h", "hr", "hrs", "hour", "hours"].map((unit) => [unit, 60] as const),
  ...["d", "day", "days"].map((unit) => [unit, 1440] as const),
]);

/**
 * "remind 30m", "remind 1h", "remind 2d", "remind 90 min", "remind me 1 hour before": a whole
 * phrase, the number and unit together or apart; sentence punctuation after it is not part of it.
 */
const REMIND_PHRASE =
  /(?<=^|\s)remind(?:\s+me)?\s+(\d{1,6})\s*([a-z]+)(?:\s+before)?(?=$|\s|[.,;:!?)])/giu;

export interface ReminderPhrase {
  span: Span;
  text: string;
  /** Minutes before the due moment. */
  offsetMinutes: number;
}

/**
 * The reminder phrases outside `masked` (quotes, tokens), in order. A phrase whose unit is
 * unknown or whose offset is past the API's year stays text.
 */
export function findReminders(input: string, masked: readonly Span[]): ReminderPhrase[] {
  const found: ReminderPhrase[] = [];
  for (const match of input.matchAll(REMIND_PHRASE)) {
    const span = { start: match.index, end: match.index + match[0].length };
    const unit = UNIT_MINUTES.get((match[2] ?? "").toLowerCase());
    if (unit === undefined || masked.some((other) => overlaps(other, span))) continue;
    const offsetMinutes = Number(match[1]) * unit;
    if (offsetMinutes > MAX_OFFSET_MINUTES) continue;
    found.push({ span, text: match[0], offsetMinutes });
  }
  return found;
}
