import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { renderTaskManager, setUpFakeTaskApi, signIn } from "../test/render-with-session";

const fake = setUpFakeTaskApi("manager");

beforeEach(() => {
  window.history.replaceState(null, "", "/tasks");
});

const titles = () =>
  within(screen.getByRole("list", { name: "Tasks" }))
    .getAllByRole("listitem")
    .map((item) => item.querySelector("p")?.textContent);
const requestsSince = (start: number) =>
  fake.server.received.slice(start).filter((r) => r.userId === fake.session.userId);
const views = () => screen.getByRole("navigation", { name: "Views" });
const filter = (name: RegExp) => within(views()).getByRole("link", { name });

describe("TaskManager: first render", () => {
  it("shows the server-fetched page and counts at once, without asking the API again", async () => {
    fake.server.seed(fake.session.userId, [
      { title: "Newest" },
      { title: "Middle", is_completed: true },
      { title: "Oldest" },
    ]);
    const { queryClient } = await renderTaskManager(fake.session, { serverRendered: true });
    const start = fake.server.received.length;

    expect(titles()).toEqual(["Newest", "Oldest"]);
    expect(filter(/^Inbox/)).toHaveAccessibleName("Inbox 2");
    expect(filter(/^Completed/)).toHaveAccessibleName("Completed 1");
    expect(filter(/^Inbox/)).toHaveAttribute("aria-current", "page");
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(queryClient.isFetching()).toBe(0);
    expect(requestsSince(start)).toEqual([]);
  });

  it("shows a loading skeleton until the list arrives when nothing was fetched on the server", async () => {
    fake.server.seed(fake.session.userId, [{ title: "Only one" }]);
    const release = fake.server.hold();
    await renderTaskManager(fake.session);

    expect(screen.getByText("Loading your tasks…")).toBeInTheDocument();
    expect(screen.queryByRole("list", { name: "Tasks" })).toBeNull();
    release();

    expect(await screen.findByRole("checkbox", { name: 'Complete "Only one"' })).not.toBeChecked();
    expect(screen.queryByText("Loading your tasks…")).toBeNull();
    await waitFor(() => expect(filter(/^Inbox/)).toHaveAccessibleName("Inbox 1"));
  });

  it("shows a friendly empty state when there are no tasks", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });

    expect(screen.getByText("No tasks yet")).toBeInTheDocument();
    expect(filter(/^Inbox/)).toHaveAccessibleName("Inbox 0");
  });

  it("shows the error in words with a Retry button that loads the list", async () => {
    fake.server.seed(fake.session.userId, [{ title: "Back again" }]);
    // Only the list request: the two count requests share its path and may arrive first.
    fake.server.refuseNext(
      "GET",
      /^\/api\/tasks\?status=pending&limit=50$/,
      500,
      "Database unavailable",
    );
    await renderTaskManager(fake.session);

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Couldn't load your tasks.");
    expect(alert).toHaveTextContent("Database unavailable");
    await userEvent.click(screen.getByRole("button", { name: "Retry" }));

    expect(await screen.findByRole("checkbox", { name: 'Complete "Back again"' })).toBeVisible();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});

describe("TaskManager: views", () => {
  beforeEach(() => {
    fake.server.seed(fake.session.userId, [
      { title: "Write report" },
      { title: "Pay rent", is_completed: true },
      { title: "Water plants" },
    ]);
  });

  it("shows the chosen view's tasks, marks it current and keeps it in the address", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });

    await userEvent.click(filter(/^Completed/));
    await waitFor(() => expect(titles()).toEqual(["Pay rent"]));
    expect(filter(/^Completed/)).toHaveAttribute("aria-current", "page");
    expect(filter(/^Inbox/)).not.toHaveAttribute("aria-current");
    expect(window.location.pathname).toBe("/tasks/completed");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Completed");

    await userEvent.click(filter(/^Inbox/));
    expect(titles()).toEqual(["Write report", "Water plants"]);
    expect(window.location.pathname).toBe("/tasks");
  });

  it("goes back to the previous view with the browser's Back", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    await userEvent.click(filter(/^Completed/));
    await waitFor(() => expect(titles()).toEqual(["Pay rent"]));

    act(() => {
      window.history.back();
    });

    await waitFor(() => expect(window.location.pathname).toBe("/tasks"));
    await waitFor(() => expect(titles()).toEqual(["Write report", "Water plants"]));
  });

  it("starts on the view the page was opened with", async () => {
    await renderTaskManager(fake.session, { serverRendered: true, view: { kind: "completed" } });

    expect(titles()).toEqual(["Pay rent"]);
    expect(filter(/^Completed/)).toHaveAttribute("aria-current", "page");
  });

  it("moves a completed task out of Inbox at once and updates every count", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });

    await userEvent.click(screen.getByRole("checkbox", { name: 'Complete "Water plants"' }));

    expect(titles()).toEqual(["Write report"]);
    expect(filter(/^Inbox/)).toHaveAccessibleName("Inbox 1");
    expect(filter(/^Completed/)).toHaveAccessibleName("Completed 2");
    expect(screen.getByRole("checkbox", { name: 'Complete "Write report"' })).toHaveFocus();
    await userEvent.click(filter(/^Completed/));
    await waitFor(() => expect(titles()).toEqual(["Pay rent", "Water plants"]));
  });

  it("counts a task completed from Inbox once when the server answers", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    // The recount after the change fails, so the counts on screen are the app's own.
    for (let i = 0; i < 4; i += 1) {
      fake.server.refuseNext("GET", /[?&]limit=1(&|$)/, 500, "Database unavailable");
    }

    await userEvent.click(screen.getByRole("checkbox", { name: 'Complete "Water plants"' }));
    await waitFor(() =>
      expect(fake.server.tasksOf(fake.session.userId)[2]?.is_completed).toBe(true),
    );
    await waitFor(() =>
      expect(requestsSince(0).filter((r) => r.query.get("limit") === "1")).toHaveLength(8),
    );

    expect(filter(/^Inbox/)).toHaveAccessibleName("Inbox 1");
    expect(filter(/^Completed/)).toHaveAccessibleName("Completed 2");
  });

  it("has a friendly empty state for each view", async () => {
    const other = signIn(fake.server, `${fake.session.userId}-empty-views`);
    fake.server.seed(other.userId, [{ title: "Only pending" }]);
    await renderTaskManager(other, { serverRendered: true });

    await userEvent.click(filter(/^Completed/));
    expect(await screen.findByText("Nothing completed yet")).toBeInTheDocument();
    await userEvent.click(filter(/^Today/));
    expect(await screen.findByText("Nothing due today")).toBeInTheDocument();
    await userEvent.click(filter(/^Upcoming/));
    expect(await screen.findByText("Nothing in the next 7 days")).toBeInTheDocument();
    await userEvent.click(filter(/^Inbox/));
    await userEvent.click(screen.getByRole("checkbox", { name: 'Complete "Only pending"' }));
    expect(await screen.findByText("No tasks yet")).toBeInTheDocument();
  });
});

describe("TaskManager: counts past what the API counts exactly", () => {
  // Role queries over 10,000-task screens are slow in jsdom: look only inside the sidebar.
  const count = (name: RegExp) => within(views()).getByRole("link", { name });

  it('shows "10,000+" for a capped count, moves nothing in it, and shows it exactly once it is', {
    timeout: 15_000,
  }, async () => {
    fake.server.seed(fake.session.userId, [
      ...Array.from({ length: 10_001 }, (_, i) => ({ title: `Pending ${i + 1}` })),
      { title: "Done 1", is_completed: true },
      { title: "Done 2", is_completed: true },
    ]);
    await renderTaskManager(fake.session, { serverRendered: true });
    expect(count(/^Inbox/)).toHaveAccessibleName("Inbox 10,000+");
    expect(count(/^Completed/)).toHaveAccessibleName("Completed 2");

    await userEvent.click(screen.getByLabelText('Complete "Pending 1"'));

    expect(count(/^Inbox/)).toHaveAccessibleName("Inbox 10,000+");
    expect(count(/^Completed/)).toHaveAccessibleName("Completed 3");
    // The recount after the change: 10,000 open is exact again.
    await waitFor(() => expect(count(/^Inbox/)).toHaveAccessibleName("Inbox 10,000"), {
      timeout: 5_000,
    });
  });
});

describe("TaskManager: adding and paging", () => {
  it("shows a new task at the top at once, then with the id the API gave it", async () => {
    fake.server.seed(fake.session.userId, [{ title: "Older" }]);
    await renderTaskManager(fake.session, { serverRendered: true });
    const release = fake.server.hold();

    await userEvent.type(screen.getByLabelText("Task title"), "Fresh{Enter}");

    expect(titles()).toEqual(["Fresh", "Older"]);
    expect(screen.getByRole("checkbox", { name: 'Complete "Fresh"' })).toBeDisabled();
    expect(filter(/^Inbox/)).toHaveAccessibleName("Inbox 2");
    release();
    await waitFor(() =>
      expect(screen.getByRole("checkbox", { name: 'Complete "Fresh"' })).toBeEnabled(),
    );
    expect(fake.server.tasksOf(fake.session.userId).map((task) => task.title)).toEqual([
      "Fresh",
      "Older",
    ]);
    expect(filter(/^Inbox/)).toHaveAccessibleName("Inbox 2");
  });

  it("loads the next page with Load more while the API sends a next link", async () => {
    fake.server.seed(
      fake.session.userId,
      Array.from({ length: 53 }, (_, i) => ({ title: `Task ${i + 1}` })),
    );
    await renderTaskManager(fake.session, { serverRendered: true });
    expect(titles()).toHaveLength(50);

    await userEvent.click(screen.getByRole("button", { name: "Load more" }));

    await waitFor(() => expect(titles()).toHaveLength(53));
    expect(titles().at(-1)).toBe("Task 53");
    expect(new Set(titles()).size).toBe(53);
    expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
  });
});
