import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { addDays, formatDate } from "@/lib/quick-add/wall-clock";
import { todayIn } from "../task-views";
import { renderTaskManager, setUpFakeTaskApi, testTimeZone } from "../test/render-with-session";

const fake = setUpFakeTaskApi("row-menu");
const today = () => todayIn(testTimeZone());

beforeEach(() => {
  window.history.replaceState(null, "", "/tasks");
  fake.server.seed(fake.session.userId, [
    { title: "Dentist", due_date: formatDate(today()), due_time: "09:30" },
  ]);
});

const stored = (title: string) =>
  fake.server.tasksOf(fake.session.userId).find((task) => task.title === title);
async function openMenu(title: string) {
  await userEvent.click(screen.getByRole("button", { name: `Actions for "${title}"` }));
  return screen.getByRole("menu", { name: `Actions for "${title}"` });
}

describe("a row's menu (the phone's actions)", () => {
  it("offers the due days the task is not due on yet, between Edit and Delete", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });

    const menu = await openMenu("Dentist");

    expect(
      within(menu)
        .getAllByRole("menuitem")
        .map((item) => item.textContent),
    ).toEqual(["Edit", "Due tomorrow", "Delete"]);
  });

  it("Due tomorrow moves it to tomorrow at the same time", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });

    await userEvent.click(
      within(await openMenu("Dentist")).getByRole("menuitem", { name: "Due tomorrow" }),
    );

    const tomorrow = formatDate(addDays(today(), 1));
    await waitFor(() => expect(stored("Dentist")?.due_date).toBe(tomorrow), { timeout: 5_000 });
    expect(stored("Dentist")?.due_time).toBe("09:30");
  });

  it("after Due tomorrow, focus is back on the menu button of the row, still in the Inbox", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });

    await userEvent.click(
      within(await openMenu("Dentist")).getByRole("menuitem", { name: "Due tomorrow" }),
    );

    expect(screen.getByRole("button", { name: 'Actions for "Dentist"' })).toHaveFocus();
  });
});
