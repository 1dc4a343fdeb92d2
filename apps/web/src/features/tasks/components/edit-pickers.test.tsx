import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { addDays, formatDate } from "@/lib/quick-add/wall-clock";
import type { Task } from "../task-api";
import { todayIn } from "../task-views";
import { renderTaskManager, setUpFakeTaskApi, testTimeZone } from "../test/render-with-session";

const fake = setUpFakeTaskApi("pickers");
let seeded: Task[];

beforeEach(() => {
  window.history.replaceState(null, "", "/tasks");
  seeded = fake.server.seed(fake.session.userId, [
    { title: "Pay rent", due_date: "2027-03-01", due_time: "09:00", time_zone: testTimeZone() },
    { title: "Call mum", labels: ["family"] },
    { title: "Old", labels: ["work", "Home"], is_completed: true },
  ]);
});

const stored = (title: string) =>
  fake.server.tasksOf(fake.session.userId).find((task) => task.title === title);
const patches = () =>
  fake.server.received
    .filter((r) => r.userId === fake.session.userId && r.method === "PATCH")
    .map((r) => r.body);
/** Opens the task's editor, whose code loads on first use. */
async function edit(title: string) {
  await userEvent.click(screen.getByRole("button", { name: `Edit "${title}"` }));
  await screen.findByRole("form", { name: `Edit "${title}"` });
}
const labelBox = () => screen.getByRole("combobox", { name: "Labels" });
const suggestions = () =>
  screen
    .queryAllByRole("option")
    .filter((option) => option.closest('[role="listbox"]'))
    .map((option) => option.textContent);
const chips = () =>
  within(screen.getByRole("list", { name: "Labels on this task" }))
    .getAllByRole("listitem")
    .map((chip) => chip.firstChild?.textContent);
const ANSWERED = { timeout: 5_000 };

describe("repeat", () => {
  it("offers the usual rules for the due date's day, and sends the one chosen", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    await edit("Pay rent");

    const repeat = screen.getByRole("combobox", { name: "Repeat" });
    expect(
      within(repeat)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual([
      "Does not repeat",
      "Every day",
      "Every weekday",
      "Every Monday",
      "Every month on the 1st",
      "Every month on the last day",
      "Every year",
      "Custom rule…",
    ]);
    await userEvent.selectOptions(repeat, "Every Monday");
    await userEvent.click(
      screen.getByRole("checkbox", { name: "Count the next date from the day it is completed" }),
    );
    await userEvent.click(screen.getByRole("button", { name: "Save" }));

    await waitFor(
      () => expect(stored("Pay rent")?.recurrence).toBe("FREQ=WEEKLY;BYDAY=MO"),
      ANSWERED,
    );
    expect(patches()).toEqual([
      { recurrence: "FREQ=WEEKLY;BYDAY=MO", recurrence_from: "completion" },
    ]);
  });

  it("waits for a due date: without one there is nothing to repeat from", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    await edit("Call mum");

    expect(screen.getByRole("combobox", { name: "Repeat" })).toBeDisabled();
    expect(screen.getByText("Pick a due date to repeat the task.")).toBeVisible();
  });
});

describe("priority and due date", () => {
  it("sets the priority, date and time, sending only what changed", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    await edit("Call mum");

    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Priority" }), "High");
    expect(screen.getByLabelText("Time")).toBeDisabled();
    await userEvent.type(screen.getByLabelText("Due date"), "2027-04-02");
    await userEvent.type(screen.getByLabelText("Time"), "17:30");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));

    await waitFor(() => expect(stored("Call mum")?.priority).toBe("high"), ANSWERED);
    expect(patches()).toEqual([
      { priority: "high", due_date: "2027-04-02", due_time: "17:30", time_zone: testTimeZone() },
    ]);
    expect(
      screen.getByRole("checkbox", { name: 'Complete "Call mum"' }).closest("li"),
    ).toHaveTextContent("High priority");
  });

  it("Tomorrow sets the date to tomorrow in one click and keeps the time", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    await edit("Pay rent");
    const tomorrow = formatDate(addDays(todayIn(testTimeZone()), 1));

    await userEvent.click(screen.getByRole("button", { name: /^Due tomorrow, / }));

    expect(screen.getByLabelText("Due date")).toHaveValue(tomorrow);
    expect(screen.getByRole("button", { name: /^Due tomorrow, / })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(stored("Pay rent")?.due_date).toBe(tomorrow), ANSWERED);
    expect(patches()).toEqual([
      { due_date: tomorrow, due_time: "09:00", time_zone: testTimeZone() },
    ]);
  });

  it("clearing the date clears the time, and the API is told to drop both", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    await edit("Pay rent");
    expect(screen.getByLabelText("Due date")).toHaveValue("2027-03-01");
    expect(screen.getByLabelText("Time")).toHaveValue("09:00");

    await userEvent.click(screen.getByRole("button", { name: "Clear date" }));

    expect(screen.getByLabelText("Due date")).toHaveValue("");
    expect(screen.getByLabelText("Time")).toHaveValue("");
    expect(screen.getByLabelText("Time")).toBeDisabled();
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(stored("Pay rent")?.due_date).toBeNull(), ANSWERED);
    expect(stored("Pay rent")?.due_time).toBeNull();
    expect(patches()).toEqual([{ due_date: null }]);
  });
});

describe("the labels combobox", () => {
  it("offers the user's labels as they type and adds the chosen one with Enter", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    await edit("Call mum");

    await userEvent.type(labelBox(), "wo");
    expect(suggestions()).toEqual(["#work", 'Create "wo"']);
    await userEvent.keyboard("{Enter}");

    expect(chips()).toEqual(["#family", "#work"]);
    expect(labelBox()).toHaveValue("");
    expect(labelBox()).toHaveFocus();
  });

  it("creates a new label, removes one with its button, and saves the list", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    await edit("Call mum");

    await userEvent.type(labelBox(), "Weekend plans");
    await userEvent.click(screen.getByRole("option", { name: 'Create "Weekend plans"' }));
    await userEvent.click(screen.getByRole("button", { name: 'Remove the label "family"' }));
    expect(chips()).toEqual(["#Weekend plans"]);
    await userEvent.click(screen.getByRole("button", { name: "Save" }));

    await waitFor(() => expect(stored("Call mum")?.labels).toEqual(["Weekend plans"]), ANSWERED);
    expect(patches()).toEqual([{ labels: ["Weekend plans"] }]);
    expect(screen.getByRole("link", { name: "#Weekend plans" })).toBeInTheDocument();
  });

  it("Backspace in the empty box removes the last chip", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    await edit("Call mum");

    await userEvent.click(labelBox());
    await userEvent.keyboard("{Backspace}");

    expect(screen.queryByRole("list", { name: "Labels on this task" })).toBeNull();
  });

  it.each([
    ["#home", "A label can't start with #."],
    ["a,b", "A label can't contain a comma."],
    ["x".repeat(51), "Keep a label to 50 characters or fewer."],
  ])("refuses %s in words, and Enter neither adds it nor saves", async (typed, problem) => {
    await renderTaskManager(fake.session, { serverRendered: true });
    await edit("Call mum");

    await userEvent.type(labelBox(), `${typed}{Enter}`);

    expect(labelBox()).toHaveAccessibleDescription(problem);
    expect(labelBox()).toHaveAttribute("aria-invalid", "true");
    expect(chips()).toEqual(["#family"]);
    expect(screen.getByRole("form", { name: 'Edit "Call mum"' })).toBeInTheDocument();
    expect(patches()).toEqual([]);
  });

  it("stops at 20 labels, saying why", async () => {
    const labels = Array.from({ length: 20 }, (_, i) => `l${i}`);
    fake.server.seed(fake.session.userId, [{ title: "Busy", labels }]);
    await renderTaskManager(fake.session, { serverRendered: true });
    await edit("Busy");

    await userEvent.type(labelBox(), "one more");

    expect(labelBox()).toHaveAccessibleDescription("A task can have at most 20 labels.");
    expect(suggestions()).toEqual([]);
  });

  it("Escape closes the suggestions first, then cancels the edit", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    await edit("Call mum");
    await userEvent.type(labelBox(), "wo");

    await userEvent.keyboard("{Escape}");
    expect(suggestions()).toEqual([]);
    expect(screen.getByRole("form", { name: 'Edit "Call mum"' })).toBeInTheDocument();
    await userEvent.keyboard("{Escape}");

    expect(screen.queryByRole("form", { name: 'Edit "Call mum"' })).toBeNull();
    expect(patches()).toEqual([]);
  });
});

describe("a change made elsewhere meanwhile (412)", () => {
  it("shows theirs, including their priority and labels; Keep mine saves my fields over theirs", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    await edit("Call mum");
    const theirs = fake.server.changeElsewhere(seeded[1]?.id ?? "", { title: "Call mum tonight" });
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Priority" }), "Medium");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));

    const alert = await screen.findByRole("alert", {}, ANSWERED);
    expect(alert).toHaveTextContent("This task was changed elsewhere while you were editing it.");
    expect(alert).toHaveTextContent("Their priorityNone");
    expect(alert).toHaveTextContent("Their labels#family");
    expect(screen.getByRole("combobox", { name: "Priority" })).toHaveValue("medium");
    await userEvent.click(screen.getByRole("button", { name: "Keep mine" }));

    await waitFor(() => expect(stored("Call mum")?.priority).toBe("medium"), ANSWERED);
    const sent = fake.server.received.filter(
      (r) => r.userId === fake.session.userId && r.method === "PATCH",
    );
    expect(sent.map((r) => [r.headers["if-match"], r.body, r.status])).toEqual([
      [`"${seeded[1]?.updated_at}"`, { priority: "medium" }, 412],
      [`"${theirs.updated_at}"`, { title: "Call mum", priority: "medium" }, 200],
    ]);
  });
});
