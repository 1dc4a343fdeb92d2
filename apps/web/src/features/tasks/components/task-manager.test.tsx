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
const filter = (name: RegExp) => screen.getByRole("button", { name });

describe("TaskManager: first render", () => {
  it("shows the server-fetched page and counts at once, without asking the API again", async () => {
    fake.server.seed(fake.session.userId, [
      { title: "Newest" },
      { title: "Middle", is_completed: true },
      { title: "Oldest" },
    ]);
    const { queryClient } = await renderTaskManager(fake.session, { serverRendered: true });
    const start = fake.server.received.length;

    expect(titles()).toEqual(["Newest", "Middle", "Oldest"]);
    expect(filter(/^All/)).toHaveAccessibleName("All 3");
    expect(filter(/^Pending/)).toHaveAccessibleName("Pending 2");
    expect(filter(/^Completed/)).toHaveAccessibleName("Completed 1");
    expect(filter(/^All/)).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByRole("checkbox", { name: 'Complete "Middle"' })).toBeChecked();
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
    await waitFor(() => expect(filter(/^All/)).toHaveAccessibleName("All 1"));
  });

  it("shows a friendly empty state when there are no tasks", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });

    expect(screen.getByText("No tasks yet")).toBeInTheDocument();
    expect(filter(/^All/)).toHaveAccessibleName("All 0");
  });

  it("shows the error in words with a Retry button that loads the list", async () => {
    fake.server.seed(fake.session.userId, [{ title: "Back again" }]);
    // Only the list request: the two count requests share its path and may arrive first.
    fake.server.refuseNext("GET", /^\/api\/tasks\?status=all&/, 500, "Database unavailable");
    await renderTaskManager(fake.session);

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Couldn't load your tasks.");
    expect(alert).toHaveTextContent("Database unavailable");
    await userEvent.click(screen.getByRole("button", { name: "Retry" }));

    expect(await screen.findByRole("checkbox", { name: 'Complete "Back again"' })).toBeVisible();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});

describe("TaskManager: filters", () => {
  beforeEach(() => {
    fake.server.seed(fake.session.userId, [
      { title: "Write report" },
      { title: "Pay rent", is_completed: true },
      { title: "Water plants" },
    ]);
  });

  it("shows only the chosen filter's tasks, marks it pressed and keeps it in the address", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });

    await userEvent.click(filter(/^Completed/));
    await waitFor(() => expect(titles()).toEqual(["Pay rent"]));
    expect(filter(/^Completed/)).toHaveAttribute("aria-pressed", "true");
    expect(filter(/^All/)).toHaveAttribute("aria-pressed", "false");
    expect(window.location.search).toBe("?status=completed");

    await userEvent.click(filter(/^Pending/));
    await waitFor(() => expect(titles()).toEqual(["Write report", "Water plants"]));
    expect(window.location.search).toBe("?status=pending");

    await userEvent.click(filter(/^All/));
    expect(titles()).toEqual(["Write report", "Pay rent", "Water plants"]);
    expect(window.location.search).toBe("");
  });

  it("starts on the filter the page was opened with", async () => {
    await renderTaskManager(fake.session, { serverRendered: true, status: "pending" });

    expect(titles()).toEqual(["Write report", "Water plants"]);
    expect(filter(/^Pending/)).toHaveAttribute("aria-pressed", "true");
  });

  it("moves a completed task out of Pending at once and updates every count", async () => {
    await renderTaskManager(fake.session, { serverRendered: true, status: "pending" });

    await userEvent.click(screen.getByRole("checkbox", { name: 'Complete "Water plants"' }));

    expect(titles()).toEqual(["Write report"]);
    expect(filter(/^Pending/)).toHaveAccessibleName("Pending 1");
    expect(filter(/^Completed/)).toHaveAccessibleName("Completed 2");
    expect(screen.getByRole("checkbox", { name: 'Complete "Write report"' })).toHaveFocus();
    await userEvent.click(filter(/^Completed/));
    await waitFor(() => expect(titles()).toEqual(["Pay rent", "Water plants"]));
  });

  it("counts a task completed from Pending once when the server answers", async () => {
    await renderTaskManager(fake.session, { serverRendered: true, status: "pending" });
    // The recount after the change fails, so the counts on screen are the app's own.
    fake.server.refuseNext("GET", /[?&]limit=1$/, 500, "Database unavailable");
    fake.server.refuseNext("GET", /[?&]limit=1$/, 500, "Database unavailable");

    await userEvent.click(screen.getByRole("checkbox", { name: 'Complete "Water plants"' }));
    await waitFor(() =>
      expect(fake.server.tasksOf(fake.session.userId)[2]?.is_completed).toBe(true),
    );
    await waitFor(() =>
      expect(requestsSince(0).filter((r) => r.query.get("limit") === "1")).toHaveLength(4),
    );

    expect(filter(/^Pending/)).toHaveAccessibleName("Pending 1");
    expect(filter(/^Completed/)).toHaveAccessibleName("Completed 2");
  });

  it("has a friendly empty state for each filter", async () => {
    const other = signIn(fake.server, `${fake.session.userId}-empty-filters`);
    fake.server.seed(other.userId, [{ title: "Only pending" }]);
    await renderTaskManager(other, { serverRendered: true });

    await userEvent.click(filter(/^Completed/));
    expect(await screen.findByText("Nothing completed yet")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: /^All/ }));
    await userEvent.click(screen.getByRole("checkbox", { name: 'Complete "Only pending"' }));
    await userEvent.click(filter(/^Pending/));
    expect(await screen.findByText("Nothing pending")).toBeInTheDocument();
  });
});

describe("TaskManager: counts past what the API counts exactly", () => {
  // Role queries over 10,000-task screens are slow in jsdom: look only inside the filters.
  const count = (name: RegExp) =>
    within(screen.getByRole("group", { name: "Show tasks" })).getByRole("button", { name });

  it('shows "10,000+" for a capped count, moves nothing in it, and shows it exactly once it is', {
    timeout: 15_000,
  }, async () => {
    fake.server.seed(fake.session.userId, [
      ...Array.from({ length: 10_001 }, (_, i) => ({ title: `Pending ${i + 1}` })),
      { title: "Done 1", is_completed: true },
      { title: "Done 2", is_completed: true },
    ]);
    await renderTaskManager(fake.session, { serverRendered: true });
    expect(count(/^All/)).toHaveAccessibleName("All 10,002+");
    expect(count(/^Pending/)).toHaveAccessibleName("Pending 10,000+");
    expect(count(/^Completed/)).toHaveAccessibleName("Completed 2");

    await userEvent.click(screen.getByLabelText('Complete "Pending 1"'));

    expect(count(/^Pending/)).toHaveAccessibleName("Pending 10,000+");
    expect(count(/^Completed/)).toHaveAccessibleName("Completed 3");
    expect(count(/^All/)).toHaveAccessibleName("All 10,003+");
    // The recount after the change: 10,000 pending is exact again.
    await waitFor(() => expect(count(/^Pending/)).toHaveAccessibleName("Pending 10,000"), {
      timeout: 5_000,
    });
    expect(count(/^All/)).toHaveAccessibleName("All 10,003");
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
    expect(filter(/^All/)).toHaveAccessibleName("All 2");
    release();
    await waitFor(() =>
      expect(screen.getByRole("checkbox", { name: 'Complete "Fresh"' })).toBeEnabled(),
    );
    expect(fake.server.tasksOf(fake.session.userId).map((task) => task.title)).toEqual([
      "Fresh",
      "Older",
    ]);
    expect(filter(/^Pending/)).toHaveAccessibleName("Pending 2");
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
