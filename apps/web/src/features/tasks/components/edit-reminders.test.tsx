import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { openEditor, patchBodies, storedTask } from "../test/editor-steps";
import { renderTaskManager, setUpFakeTaskApi, testTimeZone } from "../test/render-with-session";

const fake = setUpFakeTaskApi("reminders");

let payRentId = "";

beforeEach(() => {
  window.history.replaceState(null, "", "/tasks");
  const [payRent] = fake.server.seed(fake.session.userId, [
    {
      title: "Pay rent",
      due_date: "2027-03-01",
      due_time: "09:00",
      time_zone: testTimeZone(),
      reminders: [
        {
          id: "0b9d6c3e-8f43-4a57-9d55-2f1c8e4a7b10",
          offset_minutes: 30,
          at: null,
          fires_at: "2027-03-01T08:30:00.000Z",
          sent_at: null,
          failed_at: null,
        },
      ],
    },
    { title: "Call mum" },
  ]);
  payRentId = payRent?.id ?? "";
});

const stored = (title: string) => storedTask(fake, title);
const patches = () => patchBodies(fake);
const edit = openEditor;
const chips = () =>
  within(screen.getByRole("list", { name: "Reminders" }))
    .getAllByRole("listitem")
    .map((chip) => chip.firstChild?.textContent);
const chooser = () => screen.getByRole("combobox", { name: "Remind me" });
const ANSWERED = { timeout: 5_000 };

describe("the editor's reminders", () => {
  it("offers the usual reminders, lists the ones added and saves them all", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    await edit("Pay rent");

    expect(
      within(chooser())
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual([
      "At due time",
      "10 minutes before",
      "30 minutes before",
      "1 hour before",
      "1 day before",
      "At a moment…",
    ]);
    await userEvent.selectOptions(chooser(), "1 day before");
    await userEvent.click(screen.getByRole("button", { name: "Add reminder" }));
    await userEvent.selectOptions(chooser(), "At due time");
    await userEvent.click(screen.getByRole("button", { name: "Add reminder" }));
    expect(chips()).toEqual(["30 minutes before", "1 day before", "At due time"]);
    await userEvent.click(screen.getByRole("button", { name: "Save" }));

    await waitFor(() => expect(stored("Pay rent")?.reminders).toHaveLength(3), ANSWERED);
    expect(patches()).toEqual([
      { reminders: [{ offset_minutes: 30 }, { offset_minutes: 1440 }, { offset_minutes: 0 }] },
    ]);
  });

  it("removes a reminder with the keyboard alone", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    await edit("Pay rent");

    screen.getByRole("button", { name: "Remove reminder 30 minutes before" }).focus();
    await userEvent.keyboard("{Enter}");
    expect(chooser()).toHaveFocus();
    await userEvent.click(screen.getByRole("button", { name: "Save" }));

    await waitFor(() => expect(stored("Pay rent")?.reminders).toEqual([]), ANSWERED);
    expect(patches()).toEqual([{ reminders: [] }]);
  });

  it("sends no reminders when they did not change", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    await edit("Pay rent");

    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Priority" }), "High");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));

    await waitFor(() => expect(patches()).toEqual([{ priority: "high" }]), ANSWERED);
  });

  it("without a due date, offers only a moment, typed in the user's zone", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    await edit("Call mum");

    const relative = within(chooser())
      .getAllByRole("option")
      .filter((option) => (option as HTMLOptionElement).disabled)
      .map((option) => option.textContent);
    expect(relative).toEqual([
      "At due time",
      "10 minutes before",
      "30 minutes before",
      "1 hour before",
      "1 day before",
    ]);
    expect(
      screen.getByText(
        "Pick a due date to be reminded before it; a moment of your own works without one.",
      ),
    ).toBeVisible();
    fireEvent.change(screen.getByLabelText("Date and time"), {
      target: { value: "2027-03-01T08:15" },
    });
    await userEvent.click(screen.getByRole("button", { name: "Add reminder" }));
    await userEvent.click(screen.getByRole("button", { name: "Save" }));

    const at = new Date("2027-03-01T08:15").toISOString();
    await waitFor(() => expect(stored("Call mum")?.reminders).toHaveLength(1), ANSWERED);
    expect(patches()).toEqual([{ reminders: [{ at }] }]);
  });

  it("says a moment is missing instead of adding nothing", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    await edit("Call mum");

    await userEvent.click(screen.getByRole("button", { name: "Add reminder" }));

    expect(screen.getByRole("alert")).toHaveTextContent("Pick a date and time for the reminder.");
  });

  it("drops the reminders before the due time when the due date is cleared", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    await edit("Pay rent");

    await userEvent.click(screen.getByRole("button", { name: "Clear date" }));
    expect(
      screen.getByText(
        "Reminders before the due time need a due date: without one they are not saved.",
      ),
    ).toBeVisible();
    await userEvent.click(screen.getByRole("button", { name: "Save" }));

    await waitFor(() => expect(stored("Pay rent")?.due_date).toBeNull(), ANSWERED);
    expect(patches()).toEqual([{ due_date: null, reminders: [] }]);
  });
});

describe("a reminder's link", () => {
  it("opens the task's editor, once", async () => {
    window.history.replaceState(null, "", `/tasks?task=${payRentId}&sort=due`);
    await renderTaskManager(fake.session, { serverRendered: true });

    expect(await screen.findByRole("form", { name: 'Edit "Pay rent"' })).toBeVisible();
    expect(`${window.location.pathname}${window.location.search}`).toBe("/tasks?sort=due");
  });

  it("opens a task the view does not list (here a completed one in Inbox) above the lists", async () => {
    const [done] = fake.server.seed(fake.session.userId, [
      { title: "Renew the passport", is_completed: true },
    ]);
    window.history.replaceState(null, "", `/tasks?task=${done?.id}`);
    await renderTaskManager(fake.session, { serverRendered: true });

    const section = await screen.findByRole("region", { name: "The task of your reminder" });
    expect(
      await within(section).findByRole("form", { name: 'Edit "Renew the passport"' }),
    ).toBeVisible();
  });

  it("puts that task back among the lists with Back to the list", async () => {
    const [done] = fake.server.seed(fake.session.userId, [
      { title: "Renew the passport", is_completed: true },
    ]);
    window.history.replaceState(null, "", `/tasks?task=${done?.id}`);
    await renderTaskManager(fake.session, { serverRendered: true });
    const section = await screen.findByRole("region", { name: "The task of your reminder" });
    await userEvent.click(within(section).getByRole("button", { name: "Back to the list" }));

    expect(screen.queryByRole("region", { name: "The task of your reminder" })).toBeNull();
  });
});
