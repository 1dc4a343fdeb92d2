import { describe, expect, test } from "vitest";
import { csvCell, csvLine } from "./csv.ts";

describe("csvCell", () => {
  test.each([
    ["plain", "plain"],
    ["a, b", '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\rlf", '"cr\rlf"'],
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@cmd", "'@cmd"],
    ["\tindent", "'\tindent"],
    ["\rstart", '"\'\rstart"'],
    ['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
    ["a=b", "a=b"],
    ["", ""],
  ])("%j → %j", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  test("null is an empty cell; booleans are written as words", () => {
    expect([csvCell(null), csvCell(true), csvCell(false)]).toEqual(["", "true", "false"]);
  });
});

describe("csvLine", () => {
  test("joins cells with commas and ends with CRLF", () => {
    expect(csvLine(["a", null, "b,c", false])).toBe('a,,"b,c",false\r\n');
  });
});
