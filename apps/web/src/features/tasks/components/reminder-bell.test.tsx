import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Task } from "../task-api";
import { renderRow as renderRowFor, rowTask } from "../test/render-row";
import { setUpFakeTaskApi } from "../test/render-with-session";

const fake = setUpFakeTaskApi("bell");

type Reminder = Task["reminders"][number];
const reminder = (fields: Partial<Reminder>): Reminder => ({
  id: crypto.randomUUID(),
  offset_minutes: 30,
  at: null,
  fires_at: "2026-12-02T16:30:00.000Z",
  sent_at: null,
  failed_at: null,
  ...fields,
});

const task = (fields: Partial<Task>) =>
  rowTask({
    due_date: "2026-12-02",
    due_time: "18:00",
    time_zone: "Europe/Berlin",
    due_at: "2026-12-02T17:00:00.000Z",
    ...fields,
  });
const renderRow = (shown: Task) => renderRowFor(shown, fake.session);

describe("a row's reminder bell", () => {
  it("names a single pending reminder", () => {
    renderRow(task({ reminders: [reminder({})] }));

    expect(screen.getByText("Reminder 30 minutes before")).toBeInTheDocument();
  });

  it("names an instant on the user's clock", () => {
    renderRow(
      task({ reminders: [reminder({ offset_minutes: null, at: "2026-12-05T08:00:00.000Z" })] }),
    );

    expect(screen.getByText("Reminder at 5 Dec, 09:00")).toBeInTheDocument();
  });

  it("counts several pending reminders", () => {
    renderRow(
      task({
        reminders: [
          reminder({ offset_minutes: 60, fires_at: "2026-12-02T16:00:00.000Z" }),
          reminder({}),
        ],
      }),
    );

    expect(screen.getByText("2 reminders")).toBeInTheDocument();
  });

  it("leaves out reminders that went off, failed or passed", () => {
    renderRow(
      task({
        reminders: [
          reminder({ offset_minutes: 0, sent_at: "2026-12-02T12:00:00.000Z" }),
          reminder({ offset_minutes: 10, failed_at: "2026-12-02T12:00:00.000Z" }),
          reminder({ offset_minutes: 1440, fires_at: "2026-12-01T17:00:00.000Z" }),
          reminder({ offset_minutes: 60, fires_at: "2026-12-02T16:00:00.000Z" }),
        ],
      }),
    );

    expect(screen.getByText("Reminder 1 hour before")).toBeInTheDocument();
  });

  it("is not shown without pending reminders", () => {
    renderRow(task({ reminders: [reminder({ sent_at: "2026-12-02T12:00:00.000Z" })] }));

    expect(screen.queryByText(/reminder/i)).toBeNull();
  });

  it("is not shown on a completed task", () => {
    renderRow(task({ is_completed: true, reminders: [reminder({})] }));

    expect(screen.queryByText(/reminder/i)).toBeNull();
  });
});
