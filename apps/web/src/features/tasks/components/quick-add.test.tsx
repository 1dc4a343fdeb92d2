import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { addDays, formatDate } from "@/lib/quick-add/wall-clock";
import { todayIn, viewDays } from "../task-views";
import {
  renderTaskManager,
  renderWithSession,
  setUpFakeTaskApi,
  testTimeZone,
} from "../test/render-with-session";
import { AddTaskForm } from "./add-task-form";

const fake = setUpFakeTaskApi("quick-add");

const ZONE = "Europe/Berlin";
const inBerlin = (offset: number) => formatDate(addDays(todayIn(ZONE), offset));
const posts = () =>
  fake.server.received.filter((r) => r.method === "POST" && r.userId === fake.session.userId);
const chips = () =>
  within(screen.getByRole("list", { name: "Recognised in the title" }))
    .getAllByRole("listitem")
    .map((chip) => chip.textContent);

describe("quick add", () => {
  it("reads the date, time, priority and label, lists them as chips and sends them", async () => {
    renderWithSession(<AddTaskForm timeZone={ZONE} />, fake.session);

    await userEvent.type(screen.getByLabelText("Task title"), "Pay rent tomorrow 9am !high #home");

    expect(chips()).toEqual(["Due Tomorrow 09:00×", "High priority×", "#home×"]);
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]?.body).toEqual({
      title: "Pay rent",
      description: null,
      priority: "high",
      labels: ["home"],
      due_date: inBerlin(1),
      due_time: "09:00",
      time_zone: ZONE,
    });
  });

  it("reads a repeat, shows it in words and sends its rule with the first date", async () => {
    renderWithSession(<AddTaskForm timeZone={ZONE} />, fake.session);

    await userEvent.type(screen.getByLabelText("Task title"), "Stretch every day 7:00");

    expect(chips()).toEqual(["Repeats every day×", expect.stringMatching(/^Due .*07:00×$/)]);
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]?.body).toMatchObject({
      title: "Stretch",
      recurrence: "FREQ=DAILY",
      recurrence_from: "due",
      due_time: "07:00",
      time_zone: ZONE,
    });
  });

  it("reads a reminder, shows it as a chip and sends it with the due date", async () => {
    renderWithSession(<AddTaskForm timeZone={ZONE} />, fake.session);

    await userEvent.type(screen.getByLabelText("Task title"), "Call Ana tomorrow 9am remind 30m");

    expect(chips()).toEqual(["Due Tomorrow 09:00×", "Reminder 30 minutes before×"]);
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]?.body).toEqual({
      title: "Call Ana",
      description: null,
      due_date: inBerlin(1),
      due_time: "09:00",
      time_zone: ZONE,
      reminders: [{ offset_minutes: 30 }],
    });
  });

  it("says a reminder needs a due date, and sends none without one", async () => {
    renderWithSession(<AddTaskForm timeZone={ZONE} />, fake.session);

    await userEvent.type(screen.getByLabelText("Task title"), "Call Ana remind 1h");

    expect(chips()).toEqual(["Reminder needs a due date×"]);
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]?.body).toEqual({ title: "Call Ana", description: null });
  });

  it("keeps a removed chip's text in the title", async () => {
    renderWithSession(<AddTaskForm timeZone={ZONE} />, fake.session);
    await userEvent.type(screen.getByLabelText("Task title"), "Read chapter 5 !high");

    await userEvent.click(screen.getByRole("button", { name: 'Keep "!high" in the title' }));

    expect(screen.queryByRole("list", { name: "Recognised in the title" })).toBeNull();
    expect(screen.getByLabelText("Task title")).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]?.body).toEqual({ title: "Read chapter 5 !high", description: null });
  });

  it("refuses a line that leaves no title, and says so", async () => {
    renderWithSession(<AddTaskForm timeZone={ZONE} />, fake.session);

    await userEvent.type(screen.getByLabelText("Task title"), "tomorrow 9am #home{Enter}");

    expect(await screen.findByRole("alert")).toHaveTextContent("Enter a title for the task.");
    expect(screen.getByLabelText("Task title")).toHaveValue("tomorrow 9am #home");
    expect(posts()).toEqual([]);
  });

  it("presets a label's view's label, and Today's date", async () => {
    const days = viewDays(todayIn(ZONE));
    const { unmount } = renderWithSession(
      <AddTaskForm timeZone={ZONE} days={days} view={{ kind: "label", name: "home" }} />,
      fake.session,
    );
    await userEvent.type(screen.getByLabelText("Task title"), "Fix the tap{Enter}");
    await waitFor(() => expect(posts()).toHaveLength(1));
    unmount();
    renderWithSession(
      <AddTaskForm timeZone={ZONE} days={days} view={{ kind: "today" }} />,
      fake.session,
    );
    await userEvent.type(screen.getByLabelText("Task title"), "Water plants{Enter}");
    await waitFor(() => expect(posts()).toHaveLength(2));

    expect(posts().map((r) => r.body)).toEqual([
      { title: "Fix the tap", description: null, labels: ["home"] },
      {
        title: "Water plants",
        description: null,
        due_date: inBerlin(0),
        due_time: null,
        time_zone: ZONE,
      },
    ]);
  });

  it("shows the new task at once in the view it belongs to", async () => {
    window.history.replaceState(null, "", "/tasks/upcoming");
    await renderTaskManager(fake.session, { serverRendered: true, view: { kind: "upcoming" } });
    const release = fake.server.hold();

    await userEvent.type(screen.getByLabelText("Task title"), "Call Ana tomorrow{Enter}");

    const tomorrow = screen.getByRole("list", { name: "Tomorrow" });
    expect(within(tomorrow).getByRole("checkbox", { name: 'Complete "Call Ana"' })).toBeDisabled();
    release();
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]?.body).toMatchObject({ title: "Call Ana", time_zone: testTimeZone() });
  });
});
