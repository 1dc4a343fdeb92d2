import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { toast } from "sonner";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderTaskManager, setUpFakeTaskApi } from "../test/render-with-session";

const fake = setUpFakeTaskApi("trash");

beforeEach(() => {
  window.history.replaceState(null, "", "/tasks/trash");
  fake.server.seed(fake.session.userId, [
    { title: "Buy milk" },
    { title: "Old report", deleted_at: "2025-12-30T10:00:00.000Z" },
    { title: "Paid rent", is_completed: true, deleted_at: "2025-12-31T09:00:00.000Z" },
    { title: "Call mum", deleted_at: "2025-12-31T10:00:00.000Z" },
  ]);
});

afterEach(() => {
  toast.dismiss();
});

const trashRows = () =>
  within(screen.getByRole("list", { name: "Deleted tasks" }))
    .getAllByRole("listitem")
    .map((item) => item.querySelector("p")?.textContent);
const trashed = () => fake.server.trashOf(fake.session.userId).map((t) => t.title);
const live = () => fake.server.tasksOf(fake.session.userId).map((t) => t.title);
const views = () => screen.getByRole("navigation", { name: "Views" });
const openTrash = () => renderTaskManager(fake.session, { view: { kind: "trash" } });

describe("the Trash view", () => {
  it("lists deleted tasks newest deletion first, completed ones in their place, and says they go after 30 days", async () => {
    await openTrash();

    await waitFor(() => expect(trashRows()).toEqual(["Call mum", "Paid rent", "Old report"]));
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Trash");
    expect(
      screen.getByText("Deleted tasks stay here for 30 days, then they are deleted for good."),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Completed · Deleted/)).toBeInTheDocument();
    expect(screen.queryByLabelText("Task title")).toBeNull();
  });

  it("offers no other order: the Sort by menu of the other views is not there", async () => {
    await openTrash();

    await waitFor(() => expect(trashRows()).toHaveLength(3));
    expect(screen.queryByLabelText("Sort by")).toBeNull();
  });

  it("is in the sidebar below Completed, and its link opens it", async () => {
    window.history.replaceState(null, "", "/tasks");
    await renderTaskManager(fake.session, { serverRendered: true });

    const links = within(views())
      .getAllByRole("link")
      .map((link) => link.textContent?.replace(/\s*\d+$/, ""));
    expect(links.slice(0, 5)).toEqual(["Inbox", "Today", "Upcoming", "Completed", "Trash"]);
    await userEvent.click(within(views()).getByRole("link", { name: "Trash" }));

    await waitFor(() => expect(trashRows()).toEqual(["Call mum", "Paid rent", "Old report"]));
    expect(window.location.pathname).toBe("/tasks/trash");
  });

  it("holds a task deleted in another view", async () => {
    window.history.replaceState(null, "", "/tasks");
    await renderTaskManager(fake.session, { serverRendered: true });
    await userEvent.click(screen.getByRole("button", { name: 'Delete "Buy milk"' }));
    await waitFor(() => expect(trashed()).toContain("Buy milk"));

    await userEvent.click(within(views()).getByRole("link", { name: "Trash" }));

    await waitFor(() => expect(trashRows()[0]).toBe("Buy milk"));
  });

  it("Restore brings a task back; focus moves to the next row", async () => {
    await openTrash();
    await waitFor(() => expect(trashRows()).toHaveLength(3));

    await userEvent.click(screen.getByRole("button", { name: 'Restore "Call mum"' }));

    expect(trashRows()).toEqual(["Paid rent", "Old report"]);
    expect(screen.getByRole("button", { name: 'Restore "Paid rent"' })).toHaveFocus();
    await waitFor(() => expect(live()).toContain("Call mum"));
    expect(await screen.findByText('Restored "Call mum".')).toBeInTheDocument();
    await userEvent.click(within(views()).getByRole("link", { name: /^Inbox/ }));
    await waitFor(() =>
      expect(screen.getByRole("checkbox", { name: 'Complete "Call mum"' })).toBeVisible(),
    );
  });

  it("a restore the API refuses stays in the trash, with the reason", async () => {
    fake.server.refuseNext("POST", /\/restore$/, 403, "Task limit reached.");
    await openTrash();
    await waitFor(() => expect(trashRows()).toHaveLength(3));

    await userEvent.click(screen.getByRole("button", { name: 'Restore "Old report"' }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      'Couldn\'t restore "Old report": Task limit reached.',
    );
    await waitFor(() => expect(trashRows()).toEqual(["Call mum", "Paid rent", "Old report"]));
  });

  it("Delete forever asks first: Cancel keeps the task and gives focus back", async () => {
    await openTrash();
    await waitFor(() => expect(trashRows()).toHaveLength(3));
    await userEvent.click(screen.getByRole("button", { name: 'Delete "Paid rent" forever' }));

    const confirm = screen.getByRole("group", { name: /Delete "Paid rent" for good\?/ });
    expect(within(confirm).getByRole("button", { name: "Cancel" })).toHaveFocus();
    await userEvent.keyboard("{Escape}");

    expect(screen.getByRole("button", { name: 'Delete "Paid rent" forever' })).toHaveFocus();
    expect(trashed()).toEqual(["Call mum", "Paid rent", "Old report"]);
  });

  it("Delete forever, confirmed, deletes the task for good", async () => {
    await openTrash();
    await waitFor(() => expect(trashRows()).toHaveLength(3));
    await userEvent.click(screen.getByRole("button", { name: 'Delete "Paid rent" forever' }));

    const confirm = screen.getByRole("group", { name: /Delete "Paid rent" for good\?/ });
    await userEvent.click(within(confirm).getByRole("button", { name: "Delete forever" }));

    expect(trashRows()).toEqual(["Call mum", "Old report"]);
    await waitFor(() => expect(trashed()).toEqual(["Call mum", "Old report"]));
    expect(live()).toEqual(["Buy milk"]);
    expect(await screen.findByText('Deleted "Paid rent" for good.')).toBeInTheDocument();
  });

  it("Empty trash asks first, then deletes every trashed task for good", async () => {
    await openTrash();
    await waitFor(() => expect(trashRows()).toHaveLength(3));
    await userEvent.click(screen.getByRole("button", { name: "Empty trash" }));

    const confirm = screen.getByRole("group", { name: /Delete every task in the trash/ });
    await userEvent.click(within(confirm).getByRole("button", { name: "Empty trash" }));

    expect(await screen.findByText("The trash is empty")).toBeInTheDocument();
    await waitFor(() => expect(trashed()).toEqual([]));
    expect(live()).toEqual(["Buy milk"]);
    expect(screen.queryByRole("button", { name: "Empty trash" })).toBeNull();
  });
});
