// Taskline's service worker: shows pushed reminders and opens their task. Plain JavaScript,
// served as it is from /sw.js (no build step), so it stays small and readable.

self.addEventListener("install", () => {
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

/** A link of the push, kept to this origin: anything else opens the task list. */
function sameOriginUrl(url) {
  try {
    const parsed = new URL(url, self.location.origin);
    if (parsed.origin === self.location.origin) return parsed.href;
  } catch {
    // Not a URL: fall through to the list.
  }
  return new URL("/tasks", self.location.origin).href;
}

/** "Due Fri 5 Dec, 09:00" on this device's clock, or a plain word without a due moment. */
function dueWords(dueAt) {
  if (typeof dueAt !== "string" || Number.isNaN(Date.parse(dueAt))) return "Reminder";
  const words = new Intl.DateTimeFormat(undefined, {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(dueAt));
  return `Due ${words}`;
}

function readReminder(data) {
  if (!data) return null;
  try {
    const message = data.json();
    if (message?.type !== "reminder" || typeof message.title !== "string") return null;
    return { ...message, url: sameOriginUrl(message.url) };
  } catch {
    return null;
  }
}

const windows = () => self.clients.matchAll({ type: "window", includeUncontrolled: true });

self.addEventListener("push", (event) => {
  const reminder = readReminder(event.data);
  if (reminder === null) return;
  event.waitUntil(
    (async () => {
      await self.registration.showNotification(reminder.title, {
        body: dueWords(reminder.due_at),
        data: { url: reminder.url },
        tag: String(reminder.task_id),
      });
      // Open Taskline tabs show it in the page too.
      for (const client of await windows()) client.postMessage(reminder);
    })(),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = sameOriginUrl(event.notification.data?.url);
  event.waitUntil(
    (async () => {
      const open = await windows();
      const client = open.find((candidate) => candidate.focused) ?? open[0];
      if (client === undefined) {
        await self.clients.openWindow(url);
        return;
      }
      // Focus needs the click's permission to act on windows; a tab left behind is still navigated.
      await client.focus().catch(() => undefined);
      try {
        await client.navigate(url);
      } catch {
        // A tab this worker does not control cannot be navigated: it opens the task itself.
        client.postMessage({ type: "open-task", url });
      }
    })(),
  );
});
