import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { installBrowserGaps } from "@/features/tasks/test/render-with-session";
import { ReminderToasts } from "./reminder-toasts";

/** jsdom has no service workers: a container that delivers what the test posts. */
function installWorkerMessages() {
  const target = new EventTarget();
  Object.assign(window, { PushManager: class {}, Notification: { permission: "granted" } });
  Object.defineProperty(navigator, "serviceWorker", {
    configurable: true,
    value: Object.assign(target, { startMessages: () => {} }),
  });
  return (data: unknown) =>
    act(() => {
      target.dispatchEvent(new MessageEvent("message", { data }));
    });
}

afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(window, "PushManager");
  Reflect.deleteProperty(window, "Notification");
  Reflect.deleteProperty(navigator, "serviceWorker");
});

describe("reminders in the page", () => {
  it("shows a reminder the service worker passes on, with a way to open its task", async () => {
    installBrowserGaps();
    const post = installWorkerMessages();
    const assign = vi.fn();
    vi.spyOn(window, "location", "get").mockReturnValue({
      ...window.location,
      origin: window.location.origin,
      assign,
    });
    render(<ReminderToasts />);

    post({
      type: "reminder",
      task_id: "6f1c1f9e-3a57-4a43-9d0e-2f9f7c0b1a11",
      title: "Pay rent",
      due_at: null,
      url: `${window.location.origin}/tasks?task=6f1c1f9e-3a57-4a43-9d0e-2f9f7c0b1a11`,
    });

    expect(await screen.findByText("Reminder: Pay rent")).toBeVisible();
    await userEvent.click(screen.getByRole("button", { name: "Open" }));
    expect(assign.mock.calls).toEqual([["/tasks?task=6f1c1f9e-3a57-4a43-9d0e-2f9f7c0b1a11"]]);
  });

  it("ignores messages that are not reminders", async () => {
    installBrowserGaps();
    const post = installWorkerMessages();
    render(<ReminderToasts />);

    post({ type: "something-else", title: "Pay rent", url: "/tasks" });

    expect(screen.queryByText(/Pay rent/)).toBeNull();
  });
});
