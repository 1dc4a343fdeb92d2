import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { toast } from "sonner";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Task } from "../task-api";
import { renderTaskManager, setUpFakeTaskApi, signIn } from "../test/render-with-session";

const fake = setUpFakeTaskApi("deletion");
let seeded: Task[];

beforeEach(() => {
  window.history.replaceState(null, "", "/tasks");
  seeded = fake.server.seed(fake.session.userId, [
    { title: "Buy milk", description: "Semi-skimmed" },
    { title: "Pay rent", is_completed: true },
    { title: "Call mum" },
  ]);
});

// The toaster's state outlives a test: each test starts without the last one's undo offers.
afterEach(() => {
  toast.dismiss();
});

const titles = () =>
  within(screen.getByRole("list", { name: "Tasks" }))
    .getAllByRole("listitem")
    .map((item) => item.querySelector("p")?.textContent);
const mine = (method: string) =>
  fake.server.received.filter((r) => r.userId === fake.session.userId && r.method === method);
const requests = () =>
  fake.server.received
    .filter((r) => r.userId === fake.session.userId && r.method !== "GET")
    .map((r) => `${r.method} ${r.path}`);
const stored = (title: string) =>
  fake.server.tasksOf(fake.session.userId).find((t) => t.title === title);
const trashed = () => fake.server.trashOf(fake.session.userId).map((t) => t.title);
const count = (name: RegExp) =>
  within(screen.getByRole("navigation", { name: "Views" })).getByRole("link", { name });

describe("deleting a task", () => {
  it("sends the DELETE at once: the task leaves the list and waits in the trash", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });

    await userEvent.click(screen.getByRole("button", { name: 'Delete "Call mum"' }));

    expect(titles()).toEqual(["Buy milk"]);
    expect(count(/^Inbox/)).toHaveAccessibleName("Inbox 1");
    expect(await screen.findByText('Deleted "Call mum"')).toBeInTheDocument();
    await waitFor(() => expect(trashed()).toEqual(["Call mum"]));
    expect(mine("DELETE").map((r) => r.path)).toEqual([`/api/tasks/${seeded[2]?.id}`]);
    expect(stored("Call mum")).toBeUndefined();
  });

  it("Undo restores it from the trash, in its place, and focus returns to its Delete button", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    await userEvent.click(screen.getByRole("button", { name: 'Delete "Buy milk"' }));
    await waitFor(() => expect(trashed()).toEqual(["Buy milk"]));

    await userEvent.click(await screen.findByRole("button", { name: "Undo" }));

    expect(titles()).toEqual(["Buy milk", "Call mum"]);
    expect(count(/^Inbox/)).toHaveAccessibleName("Inbox 2");
    await waitFor(() => expect(stored("Buy milk")?.description).toBe("Semi-skimmed"));
    expect(trashed()).toEqual([]);
    expect(requests()).toEqual([
      `DELETE /api/tasks/${seeded[0]?.id}`,
      `POST /api/tasks/${seeded[0]?.id}/restore`,
    ]);
    await waitFor(() =>
      expect(screen.getByRole("button", { name: 'Delete "Buy milk"' })).toHaveFocus(),
    );
    expect(await screen.findByText('Restored "Buy milk".')).toBeInTheDocument();
  });

  it("Undo while the DELETE is on its way: shown again at once, restored once it is answered", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    const release = fake.server.hold();
    await userEvent.click(screen.getByRole("button", { name: 'Delete "Call mum"' }));

    await userEvent.click(await screen.findByRole("button", { name: "Undo" }));

    expect(titles()).toEqual(["Buy milk", "Call mum"]);
    release();
    await waitFor(() => expect(mine("POST").map((r) => r.status)).toEqual([200]));
    expect(requests()).toEqual([
      `DELETE /api/tasks/${seeded[2]?.id}`,
      `POST /api/tasks/${seeded[2]?.id}/restore`,
    ]);
    expect(stored("Call mum")).toBeDefined();
    expect(titles()).toEqual(["Buy milk", "Call mum"]);
  });

  it("deleting again right after Undo deletes the restored task, not a 412", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    const release = fake.server.hold();
    await userEvent.click(screen.getByRole("button", { name: 'Delete "Call mum"' }));
    await userEvent.click(await screen.findByRole("button", { name: "Undo" }));
    await userEvent.click(screen.getByRole("button", { name: 'Delete "Call mum"' }));
    release();

    await waitFor(() => expect(mine("DELETE").map((r) => r.status)).toEqual([204, 204]));
    expect(requests()).toEqual([
      `DELETE /api/tasks/${seeded[2]?.id}`,
      `POST /api/tasks/${seeded[2]?.id}/restore`,
      `DELETE /api/tasks/${seeded[2]?.id}`,
    ]);
    expect(trashed()).toEqual(["Call mum"]);
    expect(titles()).toEqual(["Buy milk"]);
  });

  it("Ctrl+Z outside a text box undoes the last delete", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    await userEvent.click(screen.getByRole("button", { name: 'Delete "Buy milk"' }));
    await waitFor(() => expect(trashed()).toEqual(["Buy milk"]));

    await userEvent.keyboard("{Control>}z{/Control}");

    await waitFor(() => expect(stored("Buy milk")).toBeDefined());
    expect(titles()).toEqual(["Buy milk", "Call mum"]);
  });

  it("a restore the API refuses: the task leaves again and the reason is shown", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    await userEvent.click(screen.getByRole("button", { name: 'Delete "Buy milk"' }));
    await waitFor(() => expect(trashed()).toEqual(["Buy milk"]));
    fake.server.refuseNext(
      "POST",
      /\/restore$/,
      403,
      "Task limit reached: an account can hold at most 3 tasks. Delete some to add more.",
    );

    await userEvent.click(await screen.findByRole("button", { name: "Undo" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Couldn't restore \"Buy milk\": Task limit reached: an account can hold at most 3 tasks. Delete some to add more. It's still in the Trash.",
    );
    expect(titles()).toEqual(["Call mum"]);
    expect(trashed()).toEqual(["Buy milk"]);
  });

  it("brings the task back with the reason when the API refuses the delete", async () => {
    fake.server.refuseNext("DELETE", /^\/api\/tasks\//, 403, "Not allowed to access this task");
    await renderTaskManager(fake.session, { serverRendered: true });

    await userEvent.click(screen.getByRole("button", { name: 'Delete "Buy milk"' }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Couldn't delete \"Buy milk\": Not allowed to access this task. It's back in your list.",
    );
    expect(titles()).toEqual(["Buy milk", "Call mum"]);
    expect(count(/^Inbox/)).toHaveAccessibleName("Inbox 2");
    // Nothing was deleted: there is nothing to undo.
    await waitFor(() => expect(screen.queryByRole("button", { name: "Undo" })).toBeNull());
  });

  it("moves focus to the title box when the last task is deleted", async () => {
    const other = signIn(fake.server, `${fake.session.userId}-single`);
    fake.server.seed(other.userId, [{ title: "Lonely" }]);
    await renderTaskManager(other, { serverRendered: true });

    await userEvent.click(screen.getByRole("button", { name: 'Delete "Lonely"' }));

    expect(screen.getByLabelText("Task title")).toHaveFocus();
    expect(screen.getByText("No tasks yet")).toBeInTheDocument();
  });

  it("after the undo offer ends, the task stays deleted", async () => {
    await renderTaskManager(fake.session, { serverRendered: true, undoWindowMs: 100 });
    await userEvent.click(screen.getByRole("button", { name: 'Delete "Call mum"' }));
    await waitFor(() => expect(screen.queryByRole("button", { name: "Undo" })).toBeNull());

    await act(async () => {
      await userEvent.keyboard("{Control>}z{/Control}");
    });

    expect(titles()).toEqual(["Buy milk"]);
    expect(mine("POST")).toEqual([]);
    expect(trashed()).toEqual(["Call mum"]);
  });
});
