import { describe, expect, it } from "vitest";
import {
  dateOrderFor,
  ignorePart,
  parseQuickAdd,
  type QuickAddOptions,
  type QuickAddResult,
} from "./parse-quick-add";

/** The clocks the phrases are typed at. */
const CLOCKS = {
  /** Friday 13 Nov 2026, 18:00 in Berlin (CET, UTC+1). */
  berlinFriday: { now: new Date("2026-11-13T17:00:00Z"), timeZone: "Europe/Berlin" },
  /** Monday 16 Nov 2026, 08:00 in Berlin. */
  berlinMonday: { now: new Date("2026-11-16T07:00:00Z"), timeZone: "Europe/Berlin" },
  /** Saturday 27 Mar 2027, 23:30 CET; at 02:00 the clocks jump to 03:00 (CEST). */
  berlinBeforeSpring: { now: new Date("2027-03-27T22:30:00Z"), timeZone: "Europe/Berlin" },
  /** Saturday 31 Oct 2026, 23:30 EDT (already 1 Nov in UTC); at 02:00 the clocks go back to 01:00. */
  newYorkBeforeFall: { now: new Date("2026-11-01T03:30:00Z"), timeZone: "America/New_York" },
  /** Saturday 7 Mar 2026, 22:00 EST; at 02:00 the clocks jump to 03:00 (EDT). */
  newYorkBeforeSpring: { now: new Date("2026-03-08T03:00:00Z"), timeZone: "America/New_York" },
  /** Thursday 31 Dec 2026, 23:30 UTC. */
  utcNewYearsEve: { now: new Date("2026-12-31T23:30:00Z"), timeZone: "UTC" },
  /** The same instant in Berlin: Friday 1 Jan 2027, 00:30. */
  berlinNewYear: { now: new Date("2026-12-31T23:30:00Z"), timeZone: "Europe/Berlin" },
} satisfies Record<string, Pick<QuickAddOptions, "now" | "timeZone">>;

type Defaulted = "priority" | "labels" | "recurrence" | "recurrenceFrom" | "reminders";
type Expected = Omit<QuickAddResult, "parts" | Defaulted> &
  Partial<Pick<QuickAddResult, Defaulted>>;

interface Row {
  phrase: string;
  clock?: keyof typeof CLOCKS;
  options?: Omit<QuickAddOptions, "now" | "timeZone">;
  expected: Expected;
}

const due = (title: string, dueDate: string | null, dueTime: string | null = null) => ({
  title,
  dueDate,
  dueTime,
});

const rows: Row[] = [
  // The example, and chrono's phrases (Friday 18:00 in Berlin unless said otherwise).
  {
    phrase: "Pay rent tomorrow 9am !high #home",
    expected: { ...due("Pay rent", "2026-11-14", "09:00"), priority: "high", labels: ["home"] },
  },
  { phrase: "Call mom today", expected: due("Call mom", "2026-11-13") },
  // Repeats (Friday 13 Nov 2026, 18:00 in Berlin): the first date of the rule unless one is typed.
  {
    phrase: "Water the plants every saturday",
    expected: { ...due("Water the plants", "2026-11-14"), recurrence: "FREQ=WEEKLY;BYDAY=SA" },
  },
  {
    phrase: "Stand-up every weekday 9:30",
    expected: {
      ...due("Stand-up", "2026-11-16", "09:30"),
      recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    },
  },
  {
    phrase: "Stretch every day",
    expected: { ...due("Stretch", "2026-11-13"), recurrence: "FREQ=DAILY" },
  },
  {
    phrase: "Backups tomorrow every 2 weeks",
    expected: { ...due("Backups", "2026-11-14"), recurrence: "FREQ=WEEKLY;INTERVAL=2" },
  },
  {
    phrase: "Pay rent every month on the 1st !high",
    expected: {
      ...due("Pay rent", "2026-12-01"),
      priority: "high",
      recurrence: "FREQ=MONTHLY;BYMONTHDAY=1",
    },
  },
  {
    phrase: "Change the filter every! 3 days #home",
    expected: {
      ...due("Change the filter", "2026-11-13"),
      labels: ["home"],
      recurrence: "FREQ=DAILY;INTERVAL=3",
      recurrenceFrom: "completion",
    },
  },
  {
    phrase: "Gym every monday and thursday 7pm",
    expected: { ...due("Gym", "2026-11-16", "19:00"), recurrence: "FREQ=WEEKLY;BYDAY=MO,TH" },
  },
  {
    phrase: 'Read "every day counts" tomorrow',
    expected: due('Read "every day counts"', "2026-11-14"),
  },
  { phrase: "Weekly review friday", expected: due("Weekly review", "2026-11-13") },
  { phrase: "Dentist 5 dec", expected: due("Dentist", "2026-12-05") },
  { phrase: "Dentist dec 5 at 10:30", expected: due("Dentist", "2026-12-05", "10:30") },
  { phrase: "Water plants in 3 days", expected: due("Water plants", "2026-11-16") },
  { phrase: "Call Ana 7pm", expected: due("Call Ana", "2026-11-13", "19:00") },
  { phrase: "Call Ana tonight", expected: due("Call Ana", "2026-11-13") },
  { phrase: "Call mom at 5", expected: due("Call mom", "2026-11-14", "05:00") },
  { phrase: "Retro next friday", expected: due("Retro", "2026-11-20") },
  { phrase: "Review monday", expected: due("Review", "2026-11-16") },
  { phrase: "Pay rent by monday", expected: due("Pay rent", "2026-11-16") },
  {
    phrase: "Submit report next friday",
    clock: "berlinMonday",
    expected: due("Submit report", "2026-11-27"),
  },
  {
    phrase: "Submit report friday 5pm",
    clock: "berlinMonday",
    expected: due("Submit report", "2026-11-20", "17:00"),
  },
  { phrase: "Call Ana tomorrow, then Bob", expected: due("Call Ana, then Bob", "2026-11-14") },
  { phrase: "Tomorrow: pay rent", expected: due("pay rent", "2026-11-14") },
  {
    phrase: "tomorrow !high 9am",
    expected: { ...due("", "2026-11-14", "09:00"), priority: "high" },
  },
  // A time already past today is tomorrow's; an explicit day is kept.
  { phrase: "Standup 17:00", expected: due("Standup", "2026-11-14", "17:00") },
  { phrase: "Call Ana 9am", expected: due("Call Ana", "2026-11-14", "09:00") },
  { phrase: "Send invoice today 5pm", expected: due("Send invoice", "2026-11-13", "17:00") },
  { phrase: "Review friday", expected: due("Review", "2026-11-13") },
  { phrase: "Review friday 5pm", expected: due("Review", "2026-11-20", "17:00") },
  {
    phrase: "Call Ana 9am",
    clock: "berlinMonday",
    expected: due("Call Ana", "2026-11-16", "09:00"),
  },
  // Month/day order.
  { phrase: "12/5 dentist", expected: due("dentist", "2026-12-05") },
  {
    phrase: "12/5 dentist",
    options: { dateOrder: "day-first" },
    expected: due("dentist", "2027-05-12"),
  },
  {
    phrase: "Dentist 5 dec",
    options: { dateOrder: "day-first" },
    expected: due("Dentist", "2026-12-05"),
  },
  // Quotes: never parsed, kept in the title.
  {
    phrase: 'Read "Tomorrow and tomorrow" #books',
    expected: { ...due('Read "Tomorrow and tomorrow"', null), labels: ["books"] },
  },
  { phrase: 'Call "Monday\'s supplier"', expected: due('Call "Monday\'s supplier"', null) },
  { phrase: "Call Monday's supplier", expected: due("Call Monday's supplier", null) },
  {
    phrase: "Watch \u201CFriday night lights\u201D sat",
    expected: due("Watch \u201CFriday night lights\u201D", "2026-11-14"),
  },
  { phrase: 'Note "see you tomorrow', expected: due('Note "see you tomorrow', null) },
  { phrase: 'Buy 12" pizza tomorrow', expected: due('Buy 12" pizza', "2026-11-14") },
  {
    phrase: 'Book "p1 #seats" p2',
    expected: { ...due('Book "p1 #seats"', null), priority: "medium" },
  },
  // Priorities.
  { phrase: "Fix login p1", expected: { ...due("Fix login", null), priority: "high" } },
  { phrase: "Fix login p2", expected: { ...due("Fix login", null), priority: "medium" } },
  { phrase: "Fix login P3", expected: { ...due("Fix login", null), priority: "low" } },
  { phrase: "Someday p4", expected: due("Someday", null) },
  { phrase: "Fix login !medium", expected: { ...due("Fix login", null), priority: "medium" } },
  { phrase: "!LOW Fix login", expected: { ...due("Fix login", null), priority: "low" } },
  { phrase: "p1 p3 triage", expected: { ...due("p3 triage", null), priority: "high" } },
  { phrase: "Play mp3 files", expected: due("Play mp3 files", null) },
  // Labels.
  { phrase: "Learn C# #dev", expected: { ...due("Learn C#", null), labels: ["dev"] } },
  {
    phrase: "Groceries #Home #shopping #home",
    expected: { ...due("Groceries", null), labels: ["Home", "shopping"] },
  },
  {
    phrase: "Buy milk #shopping, eggs",
    expected: { ...due("Buy milk, eggs", null), labels: ["shopping"] },
  },
  { phrase: "Fix bug #123", expected: due("Fix bug #123", null) },
  { phrase: "Sort #a,b", expected: due("Sort #a,b", null) },
  { phrase: `Tag #${"x".repeat(51)}`, expected: due(`Tag #${"x".repeat(51)}`, null) },
  { phrase: "#friday party", expected: { ...due("party", null), labels: ["friday"] } },
  // Reminders: minutes before the due moment; they need a due date.
  {
    phrase: "Call Ana tomorrow 9am remind 30m",
    expected: { ...due("Call Ana", "2026-11-14", "09:00"), reminders: [30] },
  },
  {
    phrase: "Pay rent friday remind 1h",
    expected: { ...due("Pay rent", "2026-11-13"), reminders: [60] },
  },
  {
    phrase: "Renew passport 5 dec remind 2d",
    expected: { ...due("Renew passport", "2026-12-05"), reminders: [2880] },
  },
  {
    phrase: "Standup 17:00 remind 90 min",
    expected: { ...due("Standup", "2026-11-14", "17:00"), reminders: [90] },
  },
  {
    phrase: "Dentist tomorrow remind me 1 hour before",
    expected: { ...due("Dentist", "2026-11-14"), reminders: [60] },
  },
  { phrase: "Ship tomorrow remind 0m", expected: { ...due("Ship", "2026-11-14"), reminders: [0] } },
  {
    phrase: "Taxes tomorrow remind 1d remind 2h",
    expected: { ...due("Taxes", "2026-11-14"), reminders: [1440, 120] },
  },
  {
    phrase: "Taxes tomorrow remind 30m remind 30m",
    expected: { ...due("Taxes remind 30m", "2026-11-14"), reminders: [30] },
  },
  {
    phrase: "Call tomorrow REMIND 2H.",
    expected: { ...due("Call.", "2026-11-14"), reminders: [120] },
  },
  { phrase: "Call mom remind 30m", expected: due("Call mom", null) },
  {
    phrase: "Call mom remind 30m",
    options: { preset: { dueDate: "2026-11-13" } },
    expected: { ...due("Call mom", "2026-11-13"), reminders: [30] },
  },
  {
    phrase: "Gym every monday 7pm remind 15 minutes",
    expected: {
      ...due("Gym", "2026-11-16", "19:00"),
      recurrence: "FREQ=WEEKLY;BYDAY=MO",
      reminders: [15],
    },
  },
  { phrase: 'Read "remind 30m" tomorrow', expected: due('Read "remind 30m"', "2026-11-14") },
  { phrase: "Remind Bob tomorrow", expected: due("Remind Bob", "2026-11-14") },
  { phrase: "Backup tomorrow remind 400d", expected: due("Backup remind 400d", "2026-11-14") },
  {
    phrase: "Backup tomorrow remind 5 weeks",
    expected: due("Backup remind 5 weeks", "2026-11-14"),
  },
  // Words that only look like dates.
  { phrase: "Plan the march", expected: due("Plan the march", null) },
  { phrase: "Do it now", expected: due("Do it now", null) },
  // Empty titles: returned empty, for the caller to refuse.
  { phrase: "", expected: due("", null) },
  { phrase: "   ", expected: due("", null) },
  { phrase: "tomorrow", expected: due("", "2026-11-14") },
  { phrase: "!high #home", expected: { ...due("", null), priority: "high", labels: ["home"] } },
  // Presets from the view: typed wins.
  {
    phrase: "Buy milk",
    options: { preset: { dueDate: "2026-11-13" } },
    expected: due("Buy milk", "2026-11-13"),
  },
  {
    phrase: "Buy milk tomorrow 9am",
    options: { preset: { dueDate: "2026-11-13", dueTime: "18:30" } },
    expected: due("Buy milk", "2026-11-14", "09:00"),
  },
  {
    phrase: "Report #Work #urgent",
    options: { preset: { labels: ["work"] } },
    expected: { ...due("Report", null), labels: ["work", "urgent"] },
  },
  {
    phrase: "Report p3",
    options: { preset: { priority: "high" } },
    expected: { ...due("Report", null), priority: "low" },
  },
  // Across DST changes: wall clock in the zone, elapsed time for "in N hours".
  {
    phrase: "Ship it in 3 hours",
    clock: "berlinBeforeSpring",
    expected: due("Ship it", "2027-03-28", "03:30"),
  },
  {
    phrase: "Ship it tomorrow 2:30am",
    clock: "berlinBeforeSpring",
    expected: due("Ship it", "2027-03-28", "02:30"),
  },
  { phrase: "Vote today", clock: "newYorkBeforeFall", expected: due("Vote", "2026-10-31") },
  {
    phrase: "Vote tomorrow 9am",
    clock: "newYorkBeforeFall",
    expected: due("Vote", "2026-11-01", "09:00"),
  },
  {
    phrase: "Ship it in 3 hours",
    clock: "newYorkBeforeFall",
    expected: due("Ship it", "2026-11-01", "01:30"),
  },
  {
    phrase: "Backup tomorrow 2:30am",
    clock: "newYorkBeforeSpring",
    expected: due("Backup", "2026-03-08", "02:30"),
  },
  {
    phrase: "Backup in 3 days",
    clock: "newYorkBeforeSpring",
    expected: due("Backup", "2026-03-10"),
  },
  // A day and month without a year is the next one; UTC's and Berlin's new year differ.
  { phrase: "Party 5 dec", clock: "utcNewYearsEve", expected: due("Party", "2027-12-05") },
  { phrase: "Party dec 31", clock: "utcNewYearsEve", expected: due("Party", "2026-12-31") },
  { phrase: "Party jan 3", clock: "utcNewYearsEve", expected: due("Party", "2027-01-03") },
  {
    phrase: "Fireworks 22:00",
    clock: "utcNewYearsEve",
    expected: due("Fireworks", "2027-01-01", "22:00"),
  },
  {
    phrase: "Fireworks 23:45",
    clock: "utcNewYearsEve",
    expected: due("Fireworks", "2026-12-31", "23:45"),
  },
  { phrase: "Sleep today", clock: "berlinNewYear", expected: due("Sleep", "2027-01-01") },
];

describe("parseQuickAdd", () => {
  it.each(rows)("$phrase ($clock)", ({ phrase, clock = "berlinFriday", options, expected }) => {
    const { parts, ...result } = parseQuickAdd(phrase, { ...CLOCKS[clock], ...options });
    expect(result).toEqual({
      priority: "none",
      labels: [],
      recurrence: null,
      recurrenceFrom: "due",
      reminders: [],
      ...expected,
    });
    for (const part of parts) expect(phrase.slice(part.start, part.end)).toBe(part.text);
  });

  it("gives each recognised part with its range, in order", () => {
    const { parts } = parseQuickAdd("Pay rent tomorrow 9am !high #home", CLOCKS.berlinFriday);
    expect(parts).toEqual([
      { kind: "date", start: 9, end: 21, text: "tomorrow 9am" },
      { kind: "priority", start: 22, end: 27, text: "!high" },
      { kind: "label", start: 28, end: 33, text: "#home" },
    ]);
  });

  it("keeps labels beyond the API's 20 as text", () => {
    const names = Array.from({ length: 21 }, (_, index) => `l${index + 1}`);
    const result = parseQuickAdd(
      `Tag ${names.map((name) => `#${name}`).join(" ")}`,
      CLOCKS.berlinFriday,
    );
    expect(result.labels).toEqual(names.slice(0, 20));
    expect(result.title).toBe("Tag #l21");
  });

  it("refuses a time zone the runtime does not know", () => {
    expect(() => parseQuickAdd("tomorrow", { now: new Date(), timeZone: "Mars/Olympus" })).toThrow(
      RangeError,
    );
  });
});

describe("ignorePart (removing a chip)", () => {
  const phrase = "Pay rent tomorrow 9am !high #home";
  const partOf = (kind: string) => {
    const part = parseQuickAdd(phrase, CLOCKS.berlinFriday).parts.find((p) => p.kind === kind);
    if (part === undefined) throw new Error(`no ${kind} part`);
    return part;
  };

  it.each([
    ["date", { ...due("Pay rent tomorrow 9am", null), priority: "high", labels: ["home"] }],
    ["priority", { ...due("Pay rent !high", "2026-11-14", "09:00"), labels: ["home"] }],
    ["label", { ...due("Pay rent #home", "2026-11-14", "09:00"), priority: "high" }],
  ] as const)("keeps the %s's text in the title", (kind, expected) => {
    const { result } = ignorePart(phrase, partOf(kind), CLOCKS.berlinFriday);
    const { parts: _parts, ...rest } = result;
    expect(rest).toEqual({
      priority: "none",
      labels: [],
      recurrence: null,
      recurrenceFrom: "due",
      reminders: [],
      ...expected,
    });
  });

  it("keeps a repeat's text in the title", () => {
    const typed = "Water the plants every saturday";
    const repeat = parseQuickAdd(typed, CLOCKS.berlinFriday).parts.find((p) => p.kind === "repeat");
    if (repeat === undefined) throw new Error("no repeat part");
    const { result } = ignorePart(typed, repeat, CLOCKS.berlinFriday);
    expect([result.title, result.recurrence, result.dueDate]).toEqual([
      "Water the plants every saturday",
      null,
      null,
    ]);
  });

  it("keeps ignoring the part while the rest of the line changes", () => {
    const { ignore } = ignorePart(phrase, partOf("date"), CLOCKS.berlinFriday);
    const edited = parseQuickAdd(`${phrase} #bills`, { ...CLOCKS.berlinFriday, ignore });
    expect(edited.title).toBe("Pay rent tomorrow 9am");
    expect(edited.dueDate).toBeNull();
    expect(edited.labels).toEqual(["home", "bills"]);
  });
});

describe("dateOrderFor", () => {
  it.each([
    ["en-US", "month-first"],
    ["en-GB", "day-first"],
    ["de-DE", "day-first"],
    ["ja-JP", "month-first"],
  ] as const)("%s reads numeric dates %s", (locale, order) => {
    expect(dateOrderFor(locale)).toBe(order);
  });
});
