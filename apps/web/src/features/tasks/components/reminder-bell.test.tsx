import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { type Task, unorganizedFields } from "../task-api";
import { renderWithSession, setUpFakeTaskApi } from "../test/render-with-session";
import { ViewNavigationProvider } from "../view-navigation";
import { DueClockProvider } from "./due-clock";
import { TaskItem } from "./task-item";

const fake = setUpFakeTaskApi("bell");

/** Wednesday 2 Dec 2026, 14:00 in Berlin. */
const NOW = new Date("2026-12-02T13:00:00Z");

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

const task = (fields: Partial<Task>): Task => ({
  id: "6f1c1f9e-3a57-4a43-9d0e-2f9f7c0b1a11",
  user_id: "u",
  title: "Pay rent",
  description: null,
  is_completed: false,
  ...unorganizedFields(),
  due_date: "2026-12-02",
  due_time: "18:00",
  time_zone: "Europe/Berlin",
  due_at: "2026-12-02T17:00:00.000Z",
  created_at: "2026-11-01T10:00:00.000Z",
  updated_at: "2026-11-01T10:00:00.000Z",
  ...fields,
});

function renderRow(shown: Task) {
  window.history.replaceState(null, "", "/tasks");
  return renderWithSession(
    <ViewNavigationProvider initial={{ kind: "inbox" }}>
      <DueClockProvider timeZone="Europe/Berlin" now={NOW}>
        <ul>
          <TaskItem
            task={shown}
            filter={{ status: "all" }}
            onDelete={() => {}}
            onLeave={() => {}}
          />
        </ul>
      </DueClockProvider>
    </ViewNavigationProvider>,
    fake.session,
  );
}

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
