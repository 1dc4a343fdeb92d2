import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderTaskManager, setUpFakeTaskApi } from "../test/render-with-session";

const fake = setUpFakeTaskApi("connection");
const OFFLINE = "Offline — changes can't be saved.";

beforeEach(() => {
  window.history.replaceState(null, "", "/tasks");
  fake.server.seed(fake.session.userId, [{ title: "Water plants" }]);
});

afterEach(() => {
  Object.defineProperty(navigator, "onLine", { configurable: true, value: true });
});

describe("when the API cannot be reached", () => {
  it("nothing loads while it is down; once it is back the screen recovers by itself", async () => {
    const bringBack = fake.server.goDown();
    await renderTaskManager(fake.session);

    expect(await screen.findByText("Couldn't load your tasks.")).toBeInTheDocument();
    expect(screen.getByText(OFFLINE)).toBeInTheDocument();
    // Down for a while: the first health check finds it down too.
    await act(() => new Promise((resolve) => setTimeout(resolve, 1_500)));
    expect(screen.getByText(OFFLINE)).toBeInTheDocument();
    bringBack();

    // No Retry pressed: the API answers its health check, and the list is fetched again.
    expect(
      await screen.findByRole("checkbox", { name: 'Complete "Water plants"' }, { timeout: 6_000 }),
    ).toBeVisible();
    expect(screen.queryByText("Couldn't load your tasks.")).toBeNull();
    expect(screen.queryByText(OFFLINE)).toBeNull();
    expect(fake.server.healthChecks()).toBeGreaterThan(0);
  });

  it("a change that could not be saved leaves its banner only until the API answers again", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    for (let i = 0; i < 3; i += 1) {
      fake.server.refuseNext("POST", /^\/api\/tasks$/, 503, "Database unavailable");
    }

    await userEvent.type(screen.getByLabelText("Task title"), "Buy milk{Enter}");

    expect(await screen.findByRole("alert", {}, { timeout: 5_000 })).toHaveTextContent(
      'Couldn\'t add "Buy milk": Database unavailable.',
    );
    expect(screen.getByText(OFFLINE)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText(OFFLINE)).toBeNull(), { timeout: 5_000 });
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("a refusal (not a lost connection) keeps its banner", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    fake.server.refuseNext("POST", /^\/api\/tasks$/, 403, "Task limit reached.");

    await userEvent.type(screen.getByLabelText("Task title"), "Buy milk{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent(
      'Couldn\'t add "Buy milk": Task limit reached.',
    );
    await userEvent.click(screen.getByRole("checkbox", { name: 'Complete "Water plants"' }));
    await waitFor(() =>
      expect(fake.server.tasksOf(fake.session.userId)[0]?.is_completed).toBe(true),
    );

    expect(screen.getByRole("alert")).toHaveTextContent("Task limit reached.");
    expect(screen.queryByText(OFFLINE)).toBeNull();
  });

  it("the browser going offline shows the notice; coming back online takes it away", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });

    act(() => {
      Object.defineProperty(navigator, "onLine", { configurable: true, value: false });
      window.dispatchEvent(new Event("offline"));
    });
    expect(screen.getByText(OFFLINE)).toBeInTheDocument();

    act(() => {
      Object.defineProperty(navigator, "onLine", { configurable: true, value: true });
      window.dispatchEvent(new Event("online"));
    });
    expect(screen.queryByText(OFFLINE)).toBeNull();
  });
});
