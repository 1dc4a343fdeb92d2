import { DueClockProvider } from "../components/due-clock";
import { TaskItem } from "../components/task-item";
import { type Task, unorganizedFields } from "../task-api";
import { ViewNavigationProvider } from "../view-navigation";
import { renderWithSession, type TestSession } from "./render-with-session";

/** Wednesday 2 Dec 2026, 14:00 in Berlin: the clock rows are shown at. */
export const ROW_NOW = new Date("2026-12-02T13:00:00Z");

/** A plain open task, with `fields` over it. */
export const rowTask = (fields: Partial<Task>): Task => ({
  id: "6f1c1f9e-3a57-4a43-9d0e-2f9f7c0b1a11",
  user_id: "u",
  title: "Pay rent",
  description: null,
  is_completed: false,
  ...unorganizedFields(),
  created_at: "2026-11-01T10:00:00.000Z",
  updated_at: "2026-11-01T10:00:00.000Z",
  ...fields,
});

/** One row in the Inbox, at `ROW_NOW` in Berlin, as `session`'s user sees it. */
export function renderRow(shown: Task, session: TestSession) {
  window.history.replaceState(null, "", "/tasks");
  return renderWithSession(
    <ViewNavigationProvider initial={{ kind: "inbox" }}>
      <DueClockProvider timeZone="Europe/Berlin" now={ROW_NOW}>
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
    session,
  );
}
