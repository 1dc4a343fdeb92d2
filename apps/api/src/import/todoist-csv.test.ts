import { readFileSync } from "node:fs";
import { Temporal } from "temporal-polyfill";
import { describe, expect, test } from "vitest";
import type { ImportedTask } from "./import-result.ts";
import { ImportFileError } from "./import-result.ts";
import { parseTodoistCsv } from "./todoist-csv.ts";

/** Todoist's template export: BOM, CRLF, every kind of row and cell (test/fixtures). */
const FIXTURE = readFileSync(
  new URL("../../test/fixtures/todoist-template.csv", import.meta.url),
  "utf8",
);
/** A Friday, 2027-04-09, at noon in UTC. */
const NOW = Temporal.Instant.from("2027-04-09T12:00:00Z");
const SECTION = "Errands #shop";

const parsed = parseTodoistCsv(FIXTURE, { timeZone: "Asia/Tokyo", now: NOW });
const task = (title: string): ImportedTask | undefined =>
  parsed.tasks.find((t) => t.title === title);

describe("Todoist's CSV", () => {
  test("a plain task: its title, nothing else", () => {
    expect(task("Plain task")).toEqual({
      title: "Plain task",
      description: null,
      priority: "none",
      labels: [],
      is_completed: false,
    });
  });

  test("PRIORITY on Todoist's visible scale: 1 high, 2 medium, 3 low, 4 and empty none", () => {
    const titles = ["Urgent thing", "Timed", "Instant", "Plain task", "No priority"];
    expect(titles.map((title) => task(title)?.priority)).toEqual([
      "high",
      "medium",
      "low",
      "none",
      "none",
    ]);
  });

  test("@words become labels and leave the title; DESCRIPTION is the description", () => {
    expect(task("Urgent thing")).toMatchObject({
      labels: ["work", "Big"],
      description: "Call them",
    });
  });

  test("an @ inside an email address stays in the title", () => {
    expect(task("Mail ann@example.com about it")?.labels).toEqual([SECTION]);
  });

  test("a date: due that day in its TIMEZONE", () => {
    expect(task("Urgent thing")).toMatchObject({
      due_date: "2027-04-09",
      time_zone: "Europe/Berlin",
    });
  });

  test("a date and time: due then, in its TIMEZONE", () => {
    expect(task("Timed")).toMatchObject({
      due_date: "2027-04-09",
      due_time: "17:00",
      time_zone: "America/New_York",
    });
  });

  test("an ISO 8601 moment: its wall-clock time in TIMEZONE", () => {
    expect(task("Instant")).toMatchObject({
      due_date: "2027-04-09",
      due_time: "17:00",
      time_zone: "Europe/Berlin",
    });
  });

  test("without TIMEZONE: the zone of the tz parameter", () => {
    expect(task("Zone from the query")).toMatchObject({
      due_date: "2027-04-09",
      due_time: "08:30",
      time_zone: "Asia/Tokyo",
    });
  });

  test("a recurring date: its rule, due on its first date from today", () => {
    expect(task("Weekly")).toMatchObject({
      due_date: "2027-04-12",
      time_zone: "Europe/Berlin",
      recurrence: "FREQ=WEEKLY;BYDAY=MO",
      recurrence_from: "due",
    });
  });

  test("a date in other words stays in the description", () => {
    expect(task("Relative")).toMatchObject({ description: "Date: tomorrow at 5pm" });
  });

  test("a section is a label of every task below it, commas made spaces", () => {
    const below = ["With notes", "Parent", "Child", "Grandchild", "Extra columns"];
    expect(below.map((title) => task(title)?.labels)).toEqual(below.map(() => [SECTION]));
  });

  test("notes join the description of the task above, a blank line between, quoting kept", () => {
    expect(task("With notes")?.description).toBe(
      'First note\n\nSecond, with "quotes"\nand a newline',
    );
  });

  test("an indented task is its own task, naming its parent", () => {
    expect([task("Child")?.description, task("Grandchild")?.description]).toEqual([
      "Subtask of: Parent",
      "Subtask of: Child",
    ]);
  });

  test("the other columns' non-empty cells: one line each in the description", () => {
    expect(task("Extra columns")?.description).toBe(
      "AUTHOR: Alice (123)\nRESPONSIBLE: Bob (456)\nDURATION: 30\nDURATION_UNIT: minute\nDEADLINE: 2027-05-01",
    );
  });

  test("an empty CONTENT and a title over 255 characters are skipped, with their rows", () => {
    expect(parsed.skipped).toEqual([
      { row: 19, reason: "Empty CONTENT" },
      { row: 20, reason: "title: String should have at most 255 characters" },
    ]);
  });

  test("every other task row is a task, in the file's order (rows count after the header)", () => {
    expect(parsed.tasks.map((t) => t.title)).toEqual([
      "Plain task",
      "No priority",
      "Urgent thing",
      "Timed",
      "Instant",
      "Zone from the query",
      "Weekly",
      "Relative",
      "With notes",
      "Parent",
      "Child",
      "Grandchild",
      "Extra columns",
      "Mail ann@example.com about it",
    ]);
  });

  test("a file without TYPE and CONTENT columns is refused", () => {
    expect(() => parseTodoistCsv("name,when\nMilk,today\n", { timeZone: "UTC" })).toThrow(
      ImportFileError,
    );
  });

  test("an unterminated quote is refused, naming the problem", () => {
    expect(() => parseTodoistCsv('TYPE,CONTENT\ntask,"open\n', { timeZone: "UTC" })).toThrow(
      /The CSV cannot be read: Quote Not Closed/,
    );
  });
});
