import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { addDays, formatDate } from "@/lib/quick-add/wall-clock";
import { SHORTCUTS } from "../task-shortcuts";
import { todayIn } from "../task-views";
import { renderTaskManager, setUpFakeTaskApi, testTimeZone } from "../test/render-with-session";

const fake = setUpFakeTaskApi("keys");

beforeEach(() => {
  window.history.replaceState(null, "", "/tasks");
  fake.server.seed(fake.session.userId, [
    { title: "Buy milk" },
    { title: "Pay rent", due_date: formatDate(addDays(todayIn(testTimeZone()), 2)) },
    { title: "Call mum" },
  ]);
});

const rowOf = (title: string) =>
  screen.getByRole("checkbox", { name: `Complete "${title}"` }).closest("li") as HTMLElement;
const focusedTitle = () =>
  document.activeElement?.closest("li")?.querySelector("p")?.textContent ?? null;
const stored = (title: string) =>
  fake.server.tasksOf(fake.session.userId).find((task) => task.title === title);
const mine = (method: string) =>
  fake.server.received.filter((r) => r.userId === fake.session.userId && r.method === method);
const ANSWERED = { timeout: 5_000 };

describe("moving through tasks", () => {
  it("j focuses the first task, then the next; k the previous; focus stays at the ends", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });

    await userEvent.keyboard("j");
    expect(rowOf("Buy milk")).toHaveFocus();
    await userEvent.keyboard("jj");
    expect(focusedTitle()).toBe("Call mum");
    await userEvent.keyboard("j");
    expect(focusedTitle()).toBe("Call mum");
    await userEvent.keyboard("kk");
    expect(focusedTitle()).toBe("Buy milk");
  });

  it("k from nowhere focuses the last task", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });

    await userEvent.keyboard("k");

    expect(rowOf("Call mum")).toHaveFocus();
  });
});

describe("a focused task's shortcuts", () => {
  it("x completes it and focus moves to the next row", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    rowOf("Buy milk").focus();

    await userEvent.keyboard("x");

    expect(screen.queryByText("Buy milk")).toBeNull();
    expect(rowOf("Pay rent")).toHaveFocus();
    await waitFor(() => expect(stored("Buy milk")?.is_completed).toBe(true), ANSWERED);
  });

  it("Space completes the last row and focus moves to the previous one", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    rowOf("Call mum").focus();

    await userEvent.keyboard(" ");

    expect(rowOf("Pay rent")).toHaveFocus();
    await waitFor(() => expect(stored("Call mum")?.is_completed).toBe(true), ANSWERED);
  });

  it("completing the only task moves focus to the quick-add line", async () => {
    await renderTaskManager(fake.session, { serverRendered: true, view: { kind: "upcoming" } });
    rowOf("Pay rent").focus();

    await userEvent.keyboard("x");

    expect(screen.getByLabelText("Task title")).toHaveFocus();
  });

  it.each([["e"], ["{Enter}"]])(
    "%s opens the editor, and Escape brings focus back to the row",
    async (key) => {
      await renderTaskManager(fake.session, { serverRendered: true });
      rowOf("Pay rent").focus();

      await userEvent.keyboard(key);
      // The editor's code loads on first use.
      expect(await screen.findByRole("textbox", { name: "Title" })).toHaveValue("Pay rent");
      expect(screen.getByRole("textbox", { name: "Title" })).toHaveFocus();
      await userEvent.keyboard("{Escape}");

      expect(rowOf("Pay rent")).toHaveFocus();
    },
  );

  it("Enter on a row's Delete button presses the button, not the edit shortcut", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    screen.getByRole("button", { name: 'Delete "Pay rent"' }).focus();

    await userEvent.keyboard("{Enter}");

    expect(screen.queryByText("Pay rent")).toBeNull();
    expect(screen.queryByRole("textbox", { name: "Title" })).toBeNull();
  });

  it("Delete deletes it with the usual Undo, and focus moves to the next row", async () => {
    await renderTaskManager(fake.session, { serverRendered: true, undoWindowMs: 200 });
    rowOf("Pay rent").focus();

    await userEvent.keyboard("{Delete}");

    expect(screen.queryByText("Pay rent")).toBeNull();
    expect(rowOf("Call mum")).toHaveFocus();
    expect(await screen.findByRole("button", { name: "Undo" })).toBeInTheDocument();
    await waitFor(() => expect(stored("Pay rent")).toBeUndefined(), ANSWERED);
  });

  it.each([
    ["1", "high"],
    ["2", "medium"],
    ["3", "low"],
  ] as const)("%s sets the priority to %s", async (key, priority) => {
    await renderTaskManager(fake.session, { serverRendered: true });
    rowOf("Call mum").focus();

    await userEvent.keyboard(key);

    await waitFor(() => expect(stored("Call mum")?.priority).toBe(priority), ANSWERED);
    expect(mine("PATCH").map((r) => r.body)).toEqual([{ priority }]);
    expect(rowOf("Call mum")).toHaveTextContent(
      `${priority[0]?.toUpperCase()}${priority.slice(1)} priority`,
    );
    expect(rowOf("Call mum")).toHaveFocus();
  });

  it("4 takes the priority away", async () => {
    fake.server.seed(fake.session.userId, [{ title: "Urgent", priority: "high" }]);
    await renderTaskManager(fake.session, { serverRendered: true });
    rowOf("Urgent").focus();

    await userEvent.keyboard("4");

    await waitFor(() => expect(stored("Urgent")?.priority).toBe("none"), ANSWERED);
    expect(rowOf("Urgent")).not.toHaveTextContent("priority");
  });

  it("t makes it due today, in the user's zone", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    rowOf("Call mum").focus();

    await userEvent.keyboard("t");

    const today = formatDate(todayIn(testTimeZone()));
    await waitFor(() => expect(stored("Call mum")?.due_date).toBe(today), ANSWERED);
    expect(mine("PATCH").map((r) => r.body)).toEqual([
      { due_date: today, due_time: null, time_zone: testTimeZone() },
    ]);
    expect(rowOf("Call mum")).toHaveTextContent("Today");
  });
  it.each([
    ["the user's zone, for a task without one", null],
    ["the task's own zone, as the editor keeps it", "Pacific/Kiritimati"],
  ])("Shift+T makes it due tomorrow, keeping its time, in %s", async (_, taskZone) => {
    const zone = taskZone ?? testTimeZone();
    const today = todayIn(zone);
    fake.server.seed(fake.session.userId, [
      { title: "Dentist", due_date: formatDate(today), due_time: "09:30", time_zone: taskZone },
    ]);
    await renderTaskManager(fake.session, { serverRendered: true });
    rowOf("Dentist").focus();

    await userEvent.keyboard("{Shift>}T{/Shift}");

    const tomorrow = formatDate(addDays(today, 1));
    await waitFor(() => expect(stored("Dentist")?.due_date).toBe(tomorrow), ANSWERED);
    expect(mine("PATCH").map((r) => r.body)).toEqual([
      { due_date: tomorrow, due_time: "09:30", time_zone: zone },
    ]);
  });
});

describe("the screen's shortcuts", () => {
  it("q focuses the quick-add line without typing a q", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });

    await userEvent.keyboard("q");

    expect(screen.getByLabelText("Task title")).toHaveFocus();
    expect(screen.getByLabelText("Task title")).toHaveValue("");
  });

  it("Escape in the quick-add line moves focus to the first task", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    await userEvent.keyboard("q");

    await userEvent.keyboard("{Escape}");

    expect(rowOf("Buy milk")).toHaveFocus();
  });

  it("/ focuses the search box", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });

    await userEvent.keyboard("/");

    expect(screen.getByRole("searchbox", { name: "Search tasks" })).toHaveFocus();
    expect(screen.getByRole("searchbox", { name: "Search tasks" })).toHaveValue("");
  });

  it.each([
    ["gt", "/tasks/today", "Today"],
    ["gu", "/tasks/upcoming", "Upcoming"],
  ])("%s opens a view with focus on its heading", async (keys, path, title) => {
    await renderTaskManager(fake.session, { serverRendered: true });
    rowOf("Buy milk").focus();

    await userEvent.keyboard(keys);

    expect(window.location.pathname).toBe(path);
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent(title);
    expect(screen.getByRole("heading", { level: 1 })).toHaveFocus();
    expect(stored("Buy milk")?.due_date).toBeNull();
  });

  it("from a search's results, gt opens Today with focus on its heading", async () => {
    await renderTaskManager(fake.session, { serverRendered: true, search: "milk" });
    rowOf("Buy milk").focus();

    await userEvent.keyboard("gt");

    expect(window.location.pathname + window.location.search).toBe("/tasks/today");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Today");
    expect(screen.getByRole("heading", { level: 1 })).toHaveFocus();
  });

  it("gi goes back to the Inbox", async () => {
    await renderTaskManager(fake.session, { serverRendered: true, view: { kind: "today" } });

    await userEvent.keyboard("gi");

    expect(window.location.pathname).toBe("/tasks");
    expect(await screen.findByText("Buy milk")).toBeInTheDocument();
  });

  it("? lists every shortcut in a modal dialog; Escape closes it and focus returns", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    rowOf("Pay rent").focus();

    await userEvent.keyboard("?");

    const dialog = screen.getByRole("dialog", { name: "Keyboard shortcuts" });
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    for (const shortcut of SHORTCUTS) {
      expect(within(dialog).getByText(shortcut.does)).toBeInTheDocument();
    }
    await userEvent.keyboard("j");
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    await userEvent.keyboard("{Escape}");

    expect(screen.queryByRole("dialog")).toBeNull();
    expect(rowOf("Pay rent")).toHaveFocus();
  });
});

describe("no shortcut while typing or with a modifier", () => {
  it.each([
    ["the quick-add line", () => screen.getByLabelText("Task title")],
    ["the search box", () => screen.getByRole("searchbox", { name: "Search tasks" })],
    ["a description box", () => screen.getByLabelText("Description (optional)")],
  ])("in %s the keys are typed", async (_name, field) => {
    await renderTaskManager(fake.session, { serverRendered: true });
    await userEvent.click(field());

    await userEvent.keyboard("jkx1t?q/gi");

    expect(field()).toHaveValue("jkx1t?q/gi");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(window.location.pathname).toBe("/tasks");
    expect(mine("PATCH")).toEqual([]);
  });

  it("in a select the keys choose options, nothing else", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    screen.getByRole("combobox", { name: "Sort by" }).focus();

    await userEvent.keyboard("j?");

    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getByRole("combobox", { name: "Sort by" })).toHaveFocus();
  });

  it("with Ctrl, Meta or Alt held nothing fires", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    rowOf("Buy milk").focus();

    await userEvent.keyboard(
      "{Control>}x{/Control}{Meta>}1{/Meta}{Alt>}j{/Alt}{Control>}q{/Control}",
    );

    expect(rowOf("Buy milk")).toHaveFocus();
    expect(screen.getByLabelText("Task title")).not.toHaveFocus();
    expect(mine("PATCH")).toEqual([]);
  });
});
