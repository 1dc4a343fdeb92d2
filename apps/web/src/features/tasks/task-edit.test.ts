import { describe, expect, it } from "vitest";
import { type Task, unorganizedFields } from "./task-api";
import { applyChanges, changesBetween, draftOf, revertChanges } from "./task-edit";

const saved: Task = {
  id: "t",
  user_id: "u",
  title: "Pay rent",
  description: null,
  is_completed: false,
  ...unorganizedFields(),
  priority: "low",
  due_date: "2027-03-01",
  due_time: "09:00",
  time_zone: "Europe/Berlin",
  due_at: "2027-03-01T08:00:00.000Z",
  labels: ["home"],
  created_at: "2026-12-01T00:00:00.000Z",
  updated_at: "2026-12-01T00:00:00.000Z",
};

describe("an edit as a PATCH body", () => {
  it("is empty when nothing changed (labels in another order are the same)", () => {
    expect(
      changesBetween(
        { ...saved, labels: ["a", "b"] },
        { ...draftOf(saved), labels: ["b", "a"] },
        "UTC",
      ),
    ).toEqual({});
  });

  it("names only the fields that changed", () => {
    const draft = { ...draftOf(saved), title: "Pay the rent", priority: "high" as const };
    expect(changesBetween(saved, draft, "UTC")).toEqual({
      title: "Pay the rent",
      priority: "high",
    });
  });

  it("a new date or time keeps the task's zone; a task without one takes the user's", () => {
    expect(changesBetween(saved, { ...draftOf(saved), dueTime: null }, "UTC")).toEqual({
      due_date: "2027-03-01",
      due_time: null,
      time_zone: "Europe/Berlin",
    });
    const undated = { ...saved, ...unorganizedFields() };
    expect(
      changesBetween(undated, { ...draftOf(undated), dueDate: "2027-01-01" }, "Asia/Tokyo"),
    ).toEqual({
      due_date: "2027-01-01",
      due_time: null,
      time_zone: "Asia/Tokyo",
    });
  });

  it("clearing the date sends only due_date: null (the API clears time and zone)", () => {
    expect(
      changesBetween(saved, { ...draftOf(saved), dueDate: null, dueTime: null }, "UTC"),
    ).toEqual({
      due_date: null,
    });
  });

  it("is shown at once, due_at waiting for the API, and undone field by field", () => {
    const shown = applyChanges(saved, { priority: "high", due_date: null });
    expect(shown).toMatchObject({
      priority: "high",
      due_date: null,
      due_time: null,
      time_zone: null,
      due_at: null,
    });

    const meanwhile = { ...shown, title: "Changed since" };
    expect(revertChanges(meanwhile, saved, { priority: "high", due_date: null })).toEqual({
      ...saved,
      title: "Changed since",
    });
  });
});
