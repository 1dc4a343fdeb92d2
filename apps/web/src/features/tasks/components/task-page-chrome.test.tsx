import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { renderTaskManager, setUpFakeTaskApi } from "../test/render-with-session";

const fake = setUpFakeTaskApi("chrome");

beforeEach(() => {
  window.history.replaceState(null, "", "/tasks");
});

describe("the tasks page's tab title and skip link", () => {
  it("shows the open tasks' count in the tab title", async () => {
    fake.server.seed(fake.session.userId, [
      { title: "One" },
      { title: "Two" },
      { title: "Three" },
      { title: "Done", is_completed: true },
    ]);
    await renderTaskManager(fake.session, { serverRendered: true });

    await waitFor(() => expect(document.title).toBe("(3) Inbox · Taskline"));
  });

  it("updates the count when a task is completed", async () => {
    fake.server.seed(fake.session.userId, [{ title: "One" }, { title: "Two" }]);
    await renderTaskManager(fake.session, { serverRendered: true });
    await waitFor(() => expect(document.title).toBe("(2) Inbox · Taskline"));

    await userEvent.click(screen.getByRole("checkbox", { name: 'Complete "One"' }));

    await waitFor(() => expect(document.title).toBe("(1) Inbox · Taskline"));
  });

  it("offers 'Skip to tasks' as the first stop for the keyboard, leading to the tasks", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });

    await userEvent.tab();

    const skip = screen.getByRole("link", { name: "Skip to tasks" });
    expect(skip).toHaveFocus();
    expect(skip).toHaveAttribute("href", "#tasks");
    expect(screen.getByRole("main")).toHaveAttribute("id", "tasks");
  });
});
