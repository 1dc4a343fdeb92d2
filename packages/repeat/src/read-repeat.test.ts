import { describe, expect, test } from "vitest";
import { describeRepeat, firstDate, readRepeat } from "./read-repeat.ts";

const cases: [
  text: string,
  rule: string | undefined,
  from?: "due" | "completion",
  phrase?: string,
][] = [
  ["every day", "FREQ=DAILY", "due", "every day"],
  ["Water plants every day", "FREQ=DAILY", "due", "every day"],
  ["Every Day", "FREQ=DAILY", "due", "Every Day"],
  ["every week", "FREQ=WEEKLY"],
  ["every month", "FREQ=MONTHLY"],
  ["every year", "FREQ=YEARLY"],
  ["every hour", "FREQ=HOURLY"],
  ["every 2 weeks", "FREQ=WEEKLY;INTERVAL=2", "due", "every 2 weeks"],
  ["every 3 days", "FREQ=DAILY;INTERVAL=3"],
  ["every 1 day", "FREQ=DAILY"],
  ["every other week", "FREQ=WEEKLY;INTERVAL=2"],
  ["every 6 months", "FREQ=MONTHLY;INTERVAL=6"],
  ["every weekday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"],
  ["every workday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"],
  ["every weekend", "FREQ=WEEKLY;BYDAY=SA,SU"],
  ["every monday", "FREQ=WEEKLY;BYDAY=MO", "due", "every monday"],
  ["every mon", "FREQ=WEEKLY;BYDAY=MO"],
  ["every fri, mon and wed", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "due", "every fri, mon and wed"],
  ["every tuesday & thursday", "FREQ=WEEKLY;BYDAY=TU,TH"],
  ["every month on the 15th", "FREQ=MONTHLY;BYMONTHDAY=15"],
  ["every month on the 1", "FREQ=MONTHLY;BYMONTHDAY=1"],
  ["every 15th", "FREQ=MONTHLY;BYMONTHDAY=15"],
  ["every 31st", "FREQ=MONTHLY;BYMONTHDAY=31"],
  ["every month on the last day", "FREQ=MONTHLY;BYMONTHDAY=-1"],
  ["every last day of the month", "FREQ=MONTHLY;BYMONTHDAY=-1"],
  ["every! 3 days", "FREQ=DAILY;INTERVAL=3", "completion", "every! 3 days"],
  ["every! week", "FREQ=WEEKLY", "completion"],
  ["Pay rent every 1st, then relax", "FREQ=MONTHLY;BYMONTHDAY=1", "due", "every 1st"],
  ["Clean (every saturday)", "FREQ=WEEKLY;BYDAY=SA", "due", "every saturday"],
  // Not repeats.
  ["Weekly review", undefined],
  ["Read everything", undefined],
  ["everyday chores", undefined],
  ["every", undefined],
  ["every 32nd", undefined],
  ["every 0 days", undefined],
  ["every mondays", undefined],
  ["every dayz", undefined],
  ["noevery day", undefined],
];

describe("readRepeat", () => {
  test.each(cases)("%s", (text, rule, from = "due", phrase = undefined) => {
    const found = readRepeat(text);
    expect(found && { rule: found.rule, from: found.from }).toEqual(rule && { rule, from });
    if (phrase !== undefined) {
      expect(found && text.slice(found.start, found.end)).toBe(phrase);
    }
  });
});

describe("firstDate", () => {
  test.each([
    ["FREQ=DAILY", "2026-12-04", "2026-12-04"],
    ["FREQ=WEEKLY;BYDAY=MO", "2026-12-04", "2026-12-07"],
    ["FREQ=WEEKLY;BYDAY=FR", "2026-12-04", "2026-12-04"],
    ["FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-12-05", "2026-12-07"],
    ["FREQ=MONTHLY;BYMONTHDAY=15", "2026-12-16", "2027-01-15"],
    ["FREQ=MONTHLY;BYMONTHDAY=31", "2027-02-01", "2027-03-31"],
    ["FREQ=MONTHLY;BYMONTHDAY=-1", "2027-02-03", "2027-02-28"],
    ["FREQ=MONTHLY;BYMONTHDAY=-1", "2028-02-03", "2028-02-29"],
  ])("%s from %s: %s", (rule, from, expected) => {
    expect(firstDate(rule, from)).toBe(expected);
  });
});

describe("describeRepeat", () => {
  test.each([
    ["FREQ=DAILY", "due", "every day"],
    ["FREQ=DAILY;INTERVAL=3", "completion", "every 3 days, counted from completion"],
    ["FREQ=WEEKLY;INTERVAL=2", "due", "every 2 weeks"],
    ["FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "due", "every weekday"],
    ["FREQ=WEEKLY;BYDAY=SA,SU", "due", "every weekend"],
    ["FREQ=WEEKLY;BYDAY=MO", "due", "every Monday"],
    ["FREQ=WEEKLY;BYDAY=MO,WE,FR", "due", "every Monday, Wednesday and Friday"],
    ["FREQ=MONTHLY;BYMONTHDAY=1", "due", "every month on the 1st"],
    ["FREQ=MONTHLY;BYMONTHDAY=22", "due", "every month on the 22nd"],
    ["FREQ=MONTHLY;BYMONTHDAY=13", "due", "every month on the 13th"],
    ["FREQ=MONTHLY;BYMONTHDAY=-1", "due", "every month on the last day"],
    ["FREQ=YEARLY", "due", "every year"],
    ["FREQ=MONTHLY;BYDAY=2TU", "due", undefined],
    ["FREQ=DAILY;COUNT=3", "due", undefined],
  ] as const)("%s (%s): %s", (rule, from, words) => {
    expect(describeRepeat(rule, from)).toBe(words);
  });

  test("every phrase readRepeat reads, it can say in words", () => {
    const unsaid = cases
      .map(([text]) => readRepeat(text))
      .filter((found) => found !== undefined && describeRepeat(found.rule) === undefined);
    expect(unsaid).toEqual([]);
  });
});
