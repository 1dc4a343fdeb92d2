import { describe, expect, it } from "vitest";
import { highlightParts, similarity } from "./search-highlight";

const marked = (text: string, query: string) =>
  highlightParts(text, query)
    .filter((part) => part.match)
    .map((part) => part.text);

describe("marking what a search matched", () => {
  it.each([
    ["a typo", "Buy groceries", "grocries", ["groceries"]],
    ["a substring", "Buy groceries", "groc", ["groceries"]],
    ["accents and case", "Café with Ana", "CAFE", ["Café"]],
    ["another word form", "Weekly meeting notes", "meetings", ["meeting"]],
    ["every word of the search", "Call mum about the rent", "rent mum", ["mum", "rent"]],
    ["nothing alike", "Pay rent", "groceries", []],
  ])("%s", (_name, text, query, words) => {
    expect(marked(text, query)).toEqual(words);
  });

  it("keeps the whole text, in order, as plain parts", () => {
    const text = "<b>Buy</b> groceries & milk";
    expect(
      highlightParts(text, "groceries")
        .map((part) => part.text)
        .join(""),
    ).toBe(text);
  });

  it("short words match only as substrings, not as look-alikes", () => {
    expect(marked("to do list", "to")).toEqual(["to"]);
    expect(marked("go home", "to")).toEqual([]);
  });

  it("measures likeness as pg_trgm does", () => {
    expect(similarity("groceries", "grocries")).toBeCloseTo(7 / 12);
    expect(similarity("word", "word")).toBe(1);
  });
});
