import { describe, expect, it } from "vitest";
import { renamedLabels } from "./label-cache";
import { labelProblem, relabel } from "./label-rules";

describe("renaming a label in what is shown", () => {
  it("renames on a task in any spelling, merging into a label of the new name", () => {
    expect(relabel(["job", "work"], "JOB", "Work")).toEqual(["Work"]);
    expect(relabel(["Job", "x"], "job", "Work")).toEqual(["Work", "x"]);
    expect(relabel(["y"], "job", "Work")).toEqual(["y"]);
    expect(relabel(["Old", "keep"], "old", null)).toEqual(["keep"]);
  });

  it("renames in the labels list, merging counts into an existing label", () => {
    const labels = [
      { name: "home", task_count: 2, open_count: 1 },
      { name: "job", task_count: 3, open_count: 3 },
      { name: "Work", task_count: 1, open_count: 0 },
    ];
    expect(renamedLabels(labels, "JOB", "career")).toEqual([
      { name: "career", task_count: 3, open_count: 3 },
      { name: "home", task_count: 2, open_count: 1 },
      { name: "Work", task_count: 1, open_count: 0 },
    ]);
    expect(renamedLabels(labels, "job", "work").map((label) => label.name)).toEqual([
      "home",
      "Work",
    ]);
    expect(renamedLabels(labels, "job", null).map((label) => label.name)).toEqual(["home", "Work"]);
  });
});

describe("the label rules, in words", () => {
  it.each([
    ["ok", null],
    ["  ", "Enter a name for the label."],
    ["a,b", "A label can't contain a comma."],
    ["#a", "A label can't start with #."],
    ["x".repeat(51), "Keep a label to 50 characters or fewer."],
    ["é".repeat(50), null],
  ])("%j → %s", (name, problem) => {
    expect(labelProblem(name)).toBe(problem);
  });
});
