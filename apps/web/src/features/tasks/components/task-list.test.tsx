import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Task } from "../task-api";
import { renderTaskManager, setUpFakeTaskApi } from "../test/render-with-session";
import { preloadTaskEditor } from "./task-item";

const fake = setUpFakeTaskApi("list");
let seeded: Task[];

// The editor's code loads on first use; these tests are about what it does once open.
beforeAll(() => preloadTaskEditor());

beforeEach(() => {
  seeded = fake.server.seed(fake.session.userId, [
    { title: "Buy milk", description: "Semi-skimmed" },
    { title: "Pay rent", is_completed: true },
    { title: "Call mum" },
  ]);
});

const titles = () =>
  within(screen.getByRole("list", { name: "Tasks" }))
    .getAllByRole("listitem")
    .map((item) => item.querySelector("p")?.textContent);
const mine = (method: string) =>
  fake.server.received.filter((r) => r.userId === fake.session.userId && r.method === method);
const stored = (title: string) =>
  fake.server.tasksOf(fake.session.userId).find((t) => t.title === title);
const count = (name: RegExp) =>
  within(screen.getByRole("navigation", { name: "Views" })).getByRole("link", { name });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("completing a task", () => {
  it("ticks at once, tells the API the new state, and updates the counts", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    const release = fake.server.hold();

    await userEvent.click(screen.getByRole("checkbox", { name: 'Complete "Buy milk"' }));

    expect(titles()).toEqual(["Call mum"]);
    expect(count(/^Inbox/)).toHaveAccessibleName("Inbox 1");
    expect(count(/^Completed/)).toHaveAccessibleName("Completed 2");
    release();
    await waitFor(() => expect(stored("Buy milk")?.is_completed).toBe(true));
    expect(mine("PATCH").map((r) => [r.path, r.body])).toEqual([
      [`/api/tasks/${seeded[0]?.id}/complete`, { is_completed: true }],
    ]);
    expect(await screen.findByText('Completed "Buy milk".')).toBeInTheDocument();
  });

  it("unticks with the keyboard (Space) in Completed, where it then leaves", async () => {
    await renderTaskManager(fake.session, { serverRendered: true, view: { kind: "completed" } });
    screen.getByRole("checkbox", { name: 'Complete "Pay rent"' }).focus();

    await userEvent.keyboard(" ");

    expect(screen.getByText("Nothing completed yet")).toBeInTheDocument();
    expect(count(/^Inbox/)).toHaveAccessibleName("Inbox 3");
    await waitFor(() => expect(stored("Pay rent")?.is_completed).toBe(false));
    expect(mine("PATCH")[0]?.body).toEqual({ is_completed: false });
  });

  it("rolls back with the reason when the API refuses", async () => {
    fake.server.refuseNext("PATCH", /\/complete$/, 403, "Not allowed to access this task");
    await renderTaskManager(fake.session, { serverRendered: true });

    await userEvent.click(screen.getByRole("checkbox", { name: 'Complete "Call mum"' }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      'Couldn\'t mark "Call mum" as completed: Not allowed to access this task. The change was undone.',
    );
    expect(screen.getByRole("checkbox", { name: 'Complete "Call mum"' })).not.toBeChecked();
    expect(count(/^Inbox/)).toHaveAccessibleName("Inbox 2");
    expect(stored("Call mum")?.is_completed).toBe(false);
  });
});

describe("editing a task in place", () => {
  it("saves title and description with Enter and returns focus to Edit", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });

    await userEvent.click(screen.getByRole("button", { name: 'Edit "Buy milk"' }));
    // The editor's code loads on first use.
    const title = await screen.findByRole("textbox", { name: "Title" });
    expect(title).toHaveFocus();
    expect(screen.getByRole("textbox", { name: "Description" })).toHaveValue("Semi-skimmed");
    await userEvent.clear(title);
    await userEvent.type(title, "Buy oat milk");
    await userEvent.clear(screen.getByRole("textbox", { name: "Description" }));
    await userEvent.type(title, "{Enter}");

    expect(titles()).toEqual(["Buy oat milk", "Call mum"]);
    expect(screen.getByRole("button", { name: 'Edit "Buy oat milk"' })).toHaveFocus();
    await waitFor(() => expect(stored("Buy oat milk")).toBeDefined());
    expect(stored("Buy oat milk")?.description).toBeNull();
    expect(mine("PATCH").map((r) => r.body)).toEqual([
      { title: "Buy oat milk", description: null },
    ]);
  });

  it("cancels with Escape: nothing changes and nothing is sent", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });

    await userEvent.click(screen.getByRole("button", { name: 'Edit "Call mum"' }));
    await userEvent.type(screen.getByRole("textbox", { name: "Title" }), " and dad");
    await userEvent.keyboard("{Escape}");

    expect(screen.queryByRole("textbox", { name: "Title" })).toBeNull();
    expect(titles()).toEqual(["Buy milk", "Call mum"]);
    expect(screen.getByRole("button", { name: 'Edit "Call mum"' })).toHaveFocus();
    await pause(50);
    expect(mine("PATCH")).toEqual([]);
  });

  it("cancels with the Cancel button and saves with the Save button", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });

    await userEvent.click(screen.getByRole("button", { name: 'Edit "Call mum"' }));
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await userEvent.click(screen.getByRole("button", { name: 'Edit "Call mum"' }));
    await userEvent.type(screen.getByRole("textbox", { name: "Description" }), "Sunday");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));

    await waitFor(() => expect(stored("Call mum")?.description).toBe("Sunday"));
    expect(mine("PATCH").map((r) => r.body)).toEqual([{ description: "Sunday" }]);
  });

  it("does not save an empty title, and says so", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });

    await userEvent.click(screen.getByRole("button", { name: 'Edit "Call mum"' }));
    await userEvent.clear(screen.getByRole("textbox", { name: "Title" }));
    await userEvent.keyboard("{Enter}");

    expect(screen.getByRole("alert")).toHaveTextContent("Enter a title for the task.");
    expect(screen.getByRole("textbox", { name: "Title" })).toHaveFocus();
    expect(mine("PATCH")).toEqual([]);
  });

  it("rolls back a refused edit with the API's reason and reopens the editor with the text typed", async () => {
    fake.server.refuseNext("PATCH", /^\/api\/tasks\/[^/]+$/, 404, "Task not found");
    await renderTaskManager(fake.session, { serverRendered: true });

    await userEvent.click(screen.getByRole("button", { name: 'Edit "Call mum"' }));
    await userEvent.type(screen.getByRole("textbox", { name: "Title" }), " today{Enter}");

    expect(await screen.findByRole("alert")).toHaveTextContent(
      'Couldn\'t save your changes to "Call mum": Task not found. The change was undone.',
    );
    const title = await screen.findByRole("textbox", { name: "Title" });
    expect(title).toHaveValue("Call mum today");
    expect(title).toHaveFocus();
    await userEvent.keyboard("{Escape}");
    expect(titles()).toEqual(["Buy milk", "Call mum"]);
    expect(screen.getByRole("button", { name: 'Edit "Call mum"' })).toHaveFocus();
  });
});
