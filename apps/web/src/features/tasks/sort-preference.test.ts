import { describe, expect, it } from "vitest";
import {
  parseSortPreferences,
  serializeSortPreferences,
  viewSortKey,
  withSortPreference,
} from "./sort-preference";

describe("the remembered orders (sort cookie)", () => {
  it("round-trips through the cookie's value, one key per view, labels ignoring case", () => {
    let preferences = withSortPreference({}, { kind: "inbox" }, "priority");
    preferences = withSortPreference(preferences, { kind: "label", name: "Work" }, "title");
    preferences = withSortPreference(preferences, { kind: "label", name: "work" }, "due");

    expect(parseSortPreferences(serializeSortPreferences(preferences))).toEqual({
      inbox: "priority",
      "label:work": "due",
    });
    expect(viewSortKey({ kind: "label", name: "WORK" })).toBe("label:work");
  });

  it.each([
    ["nothing", undefined],
    ["not JSON", "%7Bnope"],
    ["a list", encodeURIComponent("[1,2]")],
    ["JSON null", "null"],
  ])("reads %s as no preferences", (_name, value) => {
    expect(parseSortPreferences(value)).toEqual({});
  });

  it("drops unknown orders", () => {
    const value = encodeURIComponent(JSON.stringify({ inbox: "random", today: "due" }));
    expect(parseSortPreferences(value)).toEqual({ today: "due" });
  });

  it("stays under a cookie's size, forgetting the oldest choices first", () => {
    let preferences = {};
    for (let i = 0; i < 200; i += 1) {
      preferences = withSortPreference(
        preferences,
        { kind: "label", name: `label ${i} é` },
        "title",
      );
    }
    const value = serializeSortPreferences(preferences);
    const kept = Object.keys(parseSortPreferences(value));

    expect(value.length).toBeLessThanOrEqual(3_000);
    expect(kept.at(-1)).toBe("label:label 199 é");
    expect(kept).not.toContain("label:label 0 é");
  });
});
