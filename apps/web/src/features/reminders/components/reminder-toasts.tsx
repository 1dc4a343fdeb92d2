"use client";

import { useEffect } from "react";
import { toast } from "sonner";
import { Toaster } from "@/components/ui/sonner";
import { momentWords } from "@/features/tasks/reminder-words";
import { pushSupported } from "../push-subscription";

/** Reminders have a toaster of their own: they show on every signed-in page, at the top. */
const TOASTER_ID = "reminders";

/** What the service worker posts: a reminder that went off, or a task to open. */
type WorkerMessage =
  | { type: "reminder"; task_id: string; title: string; due_at: string | null; url: string }
  | { type: "open-task"; url: string };

function isWorkerMessage(data: unknown): data is WorkerMessage {
  if (typeof data !== "object" || data === null) return false;
  const message = data as Record<string, unknown>;
  if (typeof message.url !== "string") return false;
  return (
    message.type === "open-task" ||
    (message.type === "reminder" && typeof message.title === "string")
  );
}

/** Only this origin's pages are opened from a message. */
function pathOf(url: string): string {
  const parsed = new URL(url, window.location.origin);
  return parsed.origin === window.location.origin ? `${parsed.pathname}${parsed.search}` : "/tasks";
}

const open = (url: string) => window.location.assign(pathOf(url));

/**
 * While a Taskline tab is open, a reminder the service worker shows as a notification also shows
 * in the page, as "Reminder: <title>" with a way to open the task.
 */
export function ReminderToasts() {
  useEffect(() => {
    if (!pushSupported()) return undefined;
    const onMessage = (event: MessageEvent<unknown>) => {
      const message = event.data;
      if (!isWorkerMessage(message)) return;
      if (message.type === "open-task") return open(message.url);
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      toast(`Reminder: ${message.title}`, {
        toasterId: TOASTER_ID,
        duration: 15_000,
        description: message.due_at
          ? `Due ${momentWords(message.due_at, { now: new Date(), timeZone })}`
          : undefined,
        action: { label: "Open", onClick: () => open(message.url) },
      });
    };
    const workers = navigator.serviceWorker;
    workers.addEventListener("message", onMessage);
    // A listener added this way gets no messages until the queue is started.
    workers.startMessages();
    return () => workers.removeEventListener("message", onMessage);
  }, []);
  return <Toaster id={TOASTER_ID} position="top-center" />;
}
