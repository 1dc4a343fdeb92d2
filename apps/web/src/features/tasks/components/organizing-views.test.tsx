import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { addDays, formatDate } from "@/lib/quick-add/wall-clock";
import { todayIn } from "../task-views";
import { renderTaskManager, setUpFakeTaskApi, testTimeZone } from "../test/render-with-session";

const fake = setUpFakeTaskApi("views");

/** A calendar day `offset` days from today in the test's zone (`YYYY-MM-DD`). */
const day = (offset: number) => formatDate(addDays(todayIn(testTimeZone()), offset));
const views = () => screen.getByRole("navigation", { name: "Views" });
const view = (name: RegExp) => within(views()).getByRole("link", { name });
const titlesIn = (list: HTMLElement) =>
  within(list)
    .getAllByRole("listitem")
    .map((item) => item.querySelector("p")?.textContent);

beforeEach(() => {
  window.history.replaceState(null, "", "/tasks");
  fake.server.seed(fake.session.userId, [
    { title: "Old invoice", due_date: day(-3), labels: ["work"] },
    { title: "Dentist", due_date: day(0), due_time: "23:59" },
    { title: "Pay rent", due_date: day(1), priority: "high", labels: ["home"] },
    { title: "Plan trip", due_date: day(2) },
    { title: "Far away", due_date: day(30) },
    { title: "Someday" },
    { title: "Filed", is_completed: true, due_date: day(0), labels: ["home"] },
  ]);
});

describe("the sidebar", () => {
  it("counts each view and each label's open tasks", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });

    expect(view(/^Inbox/)).toHaveAccessibleName("Inbox 6");
    expect(view(/^Today/)).toHaveAccessibleName("Today 2");
    expect(view(/^Upcoming/)).toHaveAccessibleName("Upcoming 2");
    expect(view(/^Completed/)).toHaveAccessibleName("Completed 1");
    const labels = within(views()).getByRole("list", { name: "Labels" });
    expect(
      within(labels)
        .getAllByRole("link")
        .map((link) => link.textContent),
    ).toEqual(["# home 1", "# work 1"]);
  });
});

describe("Today", () => {
  it("lists overdue tasks in their own section above the day's own", async () => {
    await renderTaskManager(fake.session, { serverRendered: true, view: { kind: "today" } });

    expect(screen.getByRole("heading", { name: "Overdue" })).toBeInTheDocument();
    expect(titlesIn(screen.getByRole("list", { name: "Overdue" }))).toEqual(["Old invoice"]);
    expect(titlesIn(screen.getByRole("list", { name: "Due today" }))).toEqual(["Dentist"]);
  });

  it("Reschedule to today makes every overdue task due today, and the Overdue section goes", async () => {
    fake.server.seed(fake.session.userId, [
      { title: "Older invoice", due_date: day(-5), due_time: "08:15" },
    ]);
    await renderTaskManager(fake.session, { serverRendered: true, view: { kind: "today" } });

    await userEvent.click(screen.getByRole("button", { name: "Reschedule to today" }));

    await waitFor(
      () =>
        expect(
          ["Old invoice", "Older invoice"].map(
            (title) =>
              fake.server.tasksOf(fake.session.userId).find((task) => task.title === title)
                ?.due_date,
          ),
        ).toEqual([day(0), day(0)]),
      { timeout: 5_000 },
    );
    expect(screen.queryByRole("heading", { name: "Overdue" })).toBeNull();
    expect(screen.getByRole("heading", { level: 1 })).toHaveFocus();
    expect(titlesIn(screen.getByRole("list", { name: "Due today" })).sort()).toEqual([
      "Dentist",
      "Old invoice",
      "Older invoice",
    ]);
  });
});

describe("Upcoming", () => {
  it("groups the next 7 days by day under headings, leaving out undated and later tasks", async () => {
    await renderTaskManager(fake.session, { serverRendered: true, view: { kind: "upcoming" } });

    expect(titlesIn(screen.getByRole("list", { name: "Tomorrow" }))).toEqual(["Pay rent"]);
    const main = screen.getByRole("region", { name: "Upcoming" });
    const headings = within(main)
      .getAllByRole("heading", { level: 2 })
      .map((h) => h.textContent);
    expect(headings).toHaveLength(2);
    expect(headings[0]).toBe("Tomorrow");
    expect(screen.queryByText("Far away")).toBeNull();
    expect(screen.queryByText("Someday")).toBeNull();
  });
});

describe("label views", () => {
  it("opens from a row's label chip, with the label in the address and the heading", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });

    await userEvent.click(screen.getByRole("link", { name: "#work" }));

    expect(window.location.pathname).toBe("/tasks/labels/work");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("# work");
    await waitFor(() =>
      expect(titlesIn(screen.getByRole("list", { name: "Tasks" }))).toEqual(["Old invoice"]),
    );
    expect(view(/work/)).toHaveAttribute("aria-current", "page");
  });
});
