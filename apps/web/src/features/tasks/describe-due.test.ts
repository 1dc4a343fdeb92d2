import { describe, expect, it } from "vitest";
import { type DueClock, dayHeading, describeDue } from "./describe-due";

/** Wednesday 2 Dec 2026, 14:00 in Berlin (CET, UTC+1). */
const berlin: DueClock = { now: new Date("2026-12-02T13:00:00Z"), timeZone: "Europe/Berlin" };
/** The same instant in Auckland: Thursday 3 Dec 2026, 02:00 (NZDT, UTC+13). */
const auckland: DueClock = { now: berlin.now, timeZone: "Pacific/Auckland" };

interface Row {
  name: string;
  due_date: string | null;
  due_time?: string;
  due_at?: string;
  is_completed?: boolean;
  clock?: DueClock;
  text: string | null;
  label?: string;
  overdue?: boolean;
}

/** An all-day task is due at the start of the next day in its zone (Berlin here). */
const allDay = (date: string) => {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + 1) - 3_600_000).toISOString();
};

const rows: Row[] = [
  { name: "no due date", due_date: null, text: null },
  {
    name: "later today, with a time",
    due_date: "2026-12-02",
    due_time: "17:00:00",
    due_at: "2026-12-02T16:00:00.000Z",
    text: "Today 17:00",
    label: "Due today 17:00",
    overdue: false,
  },
  {
    name: "earlier today: overdue, shown by its time",
    due_date: "2026-12-02",
    due_time: "09:00:00",
    due_at: "2026-12-02T08:00:00.000Z",
    text: "Today 09:00",
    label: "Overdue, due today 09:00",
    overdue: true,
  },
  { name: "today, all day", due_date: "2026-12-02", due_at: allDay("2026-12-02"), text: "Today" },
  { name: "tomorrow", due_date: "2026-12-03", due_at: allDay("2026-12-03"), text: "Tomorrow" },
  {
    name: "tomorrow with a time",
    due_date: "2026-12-03",
    due_time: "09:00:00",
    due_at: "2026-12-03T08:00:00.000Z",
    text: "Tomorrow 09:00",
    label: "Due tomorrow 09:00",
  },
  { name: "within the week: weekday", due_date: "2026-12-04", text: "Fri", label: "Due on Fri" },
  { name: "six days on", due_date: "2026-12-08", text: "Tue" },
  { name: "a week on: day and month", due_date: "2026-12-09", text: "9 Dec" },
  { name: "next year", due_date: "2027-01-05", text: "5 Jan 2027" },
  {
    name: "yesterday: overdue by a day",
    due_date: "2026-12-01",
    due_at: allDay("2026-12-01"),
    text: "Overdue · 1 day",
    label: "Overdue by 1 day",
    overdue: true,
  },
  {
    name: "two days ago",
    due_date: "2026-11-30",
    due_at: allDay("2026-11-30"),
    text: "Overdue · 2 days",
    overdue: true,
  },
  {
    name: "completed tasks are never overdue",
    due_date: "2026-11-30",
    due_at: allDay("2026-11-30"),
    is_completed: true,
    text: "30 Nov",
    overdue: false,
  },
  {
    name: "completed yesterday's task",
    due_date: "2026-12-01",
    is_completed: true,
    text: "Yesterday",
  },
  {
    name: "a timed task is shown on the user's clock, across the date line",
    due_date: "2026-12-02",
    due_time: "17:00:00",
    due_at: "2026-12-02T16:00:00.000Z",
    clock: auckland,
    text: "Today 05:00",
  },
  {
    name: "an all-day task keeps its calendar day in another zone",
    due_date: "2026-12-03",
    due_at: allDay("2026-12-03"),
    clock: auckland,
    text: "Today",
  },
  {
    name: "without due_at (not saved yet), the date decides",
    due_date: "2026-12-01",
    text: "Overdue · 1 day",
  },
];

describe("describeDue", () => {
  it.each(rows)("$name → $text", (row) => {
    const words = describeDue(
      {
        due_date: row.due_date,
        due_time: row.due_time ?? null,
        due_at: row.due_at ?? null,
        is_completed: row.is_completed ?? false,
      },
      row.clock ?? berlin,
    );
    expect(words?.text ?? null).toBe(row.text);
    if (row.label !== undefined) expect(words?.label).toBe(row.label);
    if (row.overdue !== undefined) expect(words?.overdue).toBe(row.overdue);
  });
});

describe("dayHeading", () => {
  it.each([
    ["2026-12-02", "Today"],
    ["2026-12-03", "Tomorrow"],
    ["2026-12-04", "Friday 4 Dec"],
    ["2026-12-09", "Wednesday 9 Dec"],
    ["2027-01-01", "Friday 1 Jan 2027"],
  ])("%s → %s", (date, heading) => {
    expect(dayHeading(date, berlin)).toBe(heading);
  });
});
