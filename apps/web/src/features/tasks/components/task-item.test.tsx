import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Task } from "../task-api";
import { renderRow as renderRowFor, rowTask } from "../test/render-row";
import { setUpFakeTaskApi } from "../test/render-with-session";

const fake = setUpFakeTaskApi("row");

const task = rowTask;
const renderRow = (shown: Task) => renderRowFor(shown, fake.session);

describe("a task's row", () => {
  it("names its priority in words beside the coloured flag", () => {
    renderRow(task({ priority: "high" }));

    expect(screen.getByText("High")).toHaveTextContent("High priority");
    expect(screen.getByText("High")).toHaveClass("text-red-600");
  });

  it("shows no flag without a priority", () => {
    renderRow(task({ priority: "none" }));

    expect(screen.queryByText(/priority/)).toBeNull();
  });

  it("says when it is due, relative to today in the user's zone", () => {
    renderRow(
      task({
        due_date: "2026-12-03",
        due_time: "09:00",
        time_zone: "Europe/Berlin",
        due_at: "2026-12-03T08:00:00.000Z",
      }),
    );

    expect(screen.getByText("Tomorrow 09:00")).toBeVisible();
    expect(screen.getByText("Due tomorrow 09:00")).toHaveClass("sr-only");
  });

  it("says how a recurring task repeats, in words", () => {
    renderRow(
      task({
        due_date: "2026-12-07",
        time_zone: "Europe/Berlin",
        due_at: "2026-12-07T23:00:00.000Z",
        recurrence: "FREQ=WEEKLY;BYDAY=MO,TH",
      }),
    );

    expect(screen.getByText("every Monday and Thursday")).toHaveTextContent(
      "Repeats every Monday and Thursday",
    );
  });

  it("shows an overdue task's lateness in red", () => {
    renderRow(
      task({
        due_date: "2026-11-30",
        time_zone: "Europe/Berlin",
        due_at: "2026-11-30T23:00:00.000Z",
      }),
    );

    expect(screen.getByText("Overdue · 2 days").parentElement).toHaveClass("text-destructive");
    expect(screen.getByText("Overdue by 2 days")).toBeInTheDocument();
  });

  it("links each label to its view", async () => {
    renderRow(task({ labels: ["home", "Money"] }));

    const money = screen.getByRole("link", { name: "#Money" });
    expect(money).toHaveAttribute("href", "/tasks/labels/Money");
    await userEvent.click(money);
    expect(window.location.pathname).toBe("/tasks/labels/Money");
  });

  it("keeps a completed task's details, struck through", () => {
    renderRow(
      task({ is_completed: true, priority: "low", labels: ["home"], due_date: "2026-11-30" }),
    );

    const details = screen.getByRole("link", { name: "#home" }).parentElement;
    expect(details).toHaveClass("line-through");
    expect(details).toHaveTextContent("Low priority");
    expect(details).toHaveTextContent("30 Nov");
    expect(screen.getByText("Pay rent")).toHaveClass("line-through");
  });
});
