/**
 * Repeat phrases in English, as people type them in a task ("Water the plants every saturday")
 * and as Todoist writes them in its exports, read as RFC 5545 RRULE values (upper-case, without
 * `RRULE:`) as the API stores them. One grammar for the web app's quick add and the API's import.
 *
 * - `every day|week|month|year|hour`, `every N days|weeks|months|years|hours`, `every other week`
 * - `every weekday` (Monday to Friday), `every weekend`
 * - `every monday`, `every mon, wed and fri` (full or short names)
 * - `every month on the 15th`, `every 15th`, `every month on the last day`, `every last day`
 * - `every!` in place of `every` (Todoist's "from completion"): the next date counts from the day
 *   the task was done.
 *
 * Only whole words count, and only from `every`: a title like "Weekly review" stays a title.
 */

export type RepeatFrom = "due" | "completion";

export interface Repeat {
  rule: string;
  from: RepeatFrom;
  /** Offsets in the text, `end` exclusive: `text.slice(start, end)` is the phrase. */
  start: number;
  end: number;
}

const WEEKDAYS: readonly [code: string, names: readonly string[]][] = [
  ["MO", ["monday", "mon"]],
  ["TU", ["tuesday", "tues", "tue"]],
  ["WE", ["wednesday", "wed"]],
  ["TH", ["thursday", "thurs", "thur", "thu"]],
  ["FR", ["friday", "fri"]],
  ["SA", ["saturday", "sat"]],
  ["SU", ["sunday", "sun"]],
];
const DAY_CODE = new Map(WEEKDAYS.flatMap(([code, names]) => names.map((n) => [n, code])));
const DAY = `(?:${[...DAY_CODE.keys()].sort((a, b) => b.length - a.length).join("|")})`;

const UNITS: Record<string, string> = {
  hour: "HOURLY",
  day: "DAILY",
  week: "WEEKLY",
  month: "MONTHLY",
  year: "YEARLY",
};
const UNIT = "(hour|day|week|month|year)s?";
const ORDINAL = "(\\d{1,2})(?:st|nd|rd|th)?";

type Reader = { pattern: string; rule: (match: RegExpExecArray) => string | undefined };

/** After `every` or `every!` and a space; the first that matches, in this order, wins. */
const READERS: Reader[] = [
  {
    pattern: `(?:month\\s+on\\s+the\\s+last\\s+day|last\\s+day(?:\\s+of\\s+the\\s+month)?)`,
    rule: () => "FREQ=MONTHLY;BYMONTHDAY=-1",
  },
  {
    pattern: `(?:month\\s+on\\s+the\\s+${ORDINAL}|(\\d{1,2})(?:st|nd|rd|th))`,
    rule: (m) => {
      const day = Number(m[1] ?? m[2]);
      return day >= 1 && day <= 31 ? `FREQ=MONTHLY;BYMONTHDAY=${day}` : undefined;
    },
  },
  {
    pattern: `(\\d{1,3}|other)\\s+${UNIT}`,
    rule: (m) => {
      const interval = m[1] === "other" ? 2 : Number(m[1]);
      const freq = UNITS[m[2] ?? ""];
      if (!freq || interval < 1) return undefined;
      return interval === 1 ? `FREQ=${freq}` : `FREQ=${freq};INTERVAL=${interval}`;
    },
  },
  { pattern: "(?:weekday|workday)", rule: () => "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" },
  { pattern: "weekend", rule: () => "FREQ=WEEKLY;BYDAY=SA,SU" },
  {
    pattern: `(${DAY}(?:\\s*(?:,|and|&)\\s*${DAY})*)`,
    rule: (m) => {
      const codes = new Set((m[1] ?? "").split(/\s*(?:,|and|&)\s*/).map((d) => DAY_CODE.get(d)));
      const byday = WEEKDAYS.map(([code]) => code).filter((code) => codes.has(code));
      return `FREQ=WEEKLY;BYDAY=${byday.join(",")}`;
    },
  },
  { pattern: "(hour|day|week|month|year)", rule: (m) => `FREQ=${UNITS[m[1] ?? ""]}` },
];

const EVERY = /(?<=^|[\s(,;])every(!?)\s+/giu;
/** What may follow a phrase: the end, a space, or sentence punctuation. */
const END = "(?=$|[\\s.,;:!?)])";

/** The first repeat phrase in `text`, or undefined. */
export function readRepeat(text: string): Repeat | undefined {
  const lower = text.toLowerCase();
  for (const every of lower.matchAll(EVERY)) {
    const rest = lower.slice(every.index + every[0].length);
    for (const reader of READERS) {
      const match = new RegExp(`^${reader.pattern}${END}`, "u").exec(rest);
      if (match === null) continue;
      const rule = reader.rule(match);
      if (rule === undefined) continue;
      const end = every.index + every[0].length + match[0].length;
      return { rule, from: every[1] ? "completion" : "due", start: every.index, end };
    }
  }
  return undefined;
}

const DAY_MS = 86_400_000;
const toDays = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const fromDays = (days: number) => new Date(days * DAY_MS).toISOString().slice(0, 10);
const ISO_WEEKDAY = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

/**
 * The first date on or after `from` (`YYYY-MM-DD`) that a rule this grammar makes falls on: the
 * next listed weekday, the next month with that day (or the month's last day), else `from`.
 */
export function firstDate(rule: string, from: string): string {
  const parts = new Map(rule.split(";").map((part) => part.split("=") as [string, string]));
  const byday = parts.get("BYDAY")?.split(",");
  const monthDay = parts.get("BYMONTHDAY");
  const start = toDays(from);
  for (let day = start; day < start + 366 * 4; day += 1) {
    const date = fromDays(day);
    if (byday !== undefined) {
      if (byday.includes(ISO_WEEKDAY[new Date(day * DAY_MS).getUTCDay()] ?? "")) return date;
    } else if (monthDay !== undefined) {
      const last = fromDays(day + 1).endsWith("-01");
      const wanted = Number(monthDay);
      if (wanted === -1 ? last : Number(date.slice(8)) === wanted) return date;
    } else {
      return date;
    }
  }
  return from;
}

const DAY_NAMES: Record<string, string> = {
  MO: "Monday",
  TU: "Tuesday",
  WE: "Wednesday",
  TH: "Thursday",
  FR: "Friday",
  SA: "Saturday",
  SU: "Sunday",
};
const UNIT_NAMES: Record<string, string> = {
  HOURLY: "hour",
  DAILY: "day",
  WEEKLY: "week",
  MONTHLY: "month",
  YEARLY: "year",
};

const ordinal = (n: number) => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
};

const list = (items: string[]) =>
  items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;

/**
 * A rule in words ("every Monday and Thursday", "every 2 weeks", "every month on the 15th"), for
 * the rules this grammar makes and other plain ones; undefined for one it cannot say simply
 * (the caller then shows the rule itself).
 */
export function describeRepeat(rule: string, from: RepeatFrom = "due"): string | undefined {
  const parts = new Map(rule.split(";").map((part) => part.split("=") as [string, string]));
  const freq = parts.get("FREQ") ?? "";
  const interval = Number(parts.get("INTERVAL") ?? "1");
  const byday = parts.get("BYDAY");
  const monthDay = parts.get("BYMONTHDAY");
  const known = new Set(["FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY"]);
  if (![...parts.keys()].every((key) => known.has(key)) || !UNIT_NAMES[freq]) return undefined;
  let words: string | undefined;
  if (byday !== undefined) {
    if (freq !== "WEEKLY" || interval !== 1 || monthDay !== undefined) return undefined;
    const days = byday.split(",");
    if (days.some((day) => !DAY_NAMES[day])) return undefined;
    if (byday === "MO,TU,WE,TH,FR") words = "every weekday";
    else if (byday === "SA,SU") words = "every weekend";
    else words = `every ${list(days.map((day) => DAY_NAMES[day] ?? day))}`;
  } else if (monthDay !== undefined) {
    const day = Number(monthDay);
    if (freq !== "MONTHLY" || interval !== 1 || !(day === -1 || (day >= 1 && day <= 31))) {
      return undefined;
    }
    words = `every month on the ${day === -1 ? "last day" : ordinal(day)}`;
  } else {
    const unit = UNIT_NAMES[freq];
    words = interval === 1 ? `every ${unit}` : `every ${interval} ${unit}s`;
  }
  return from === "completion" ? `${words}, counted from completion` : words;
}
