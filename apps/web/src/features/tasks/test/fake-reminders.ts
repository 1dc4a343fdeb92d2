import type { Task } from "../task-api";

type Reminder = Task["reminders"][number];

/**
 * A body's `reminders` as the API stores them: each `{offset_minutes}` or `{at}` once, an equal
 * one the task had keeping its id and delivery, in firing order. The fake reads a due moment as
 * UTC wall-clock time (it computes no zones).
 */
export function storedReminders(written: readonly unknown[], task: Task): Reminder[] {
  const due =
    task.due_date === null ? null : Date.parse(`${task.due_date}T${task.due_time ?? "00:00"}Z`);
  const stored: Reminder[] = [];
  for (const item of written) {
    const { offset_minutes: offset = null, at = null } = (item ?? {}) as Record<string, unknown>;
    const minutes = typeof offset === "number" ? offset : null;
    const instant = typeof at === "string" ? new Date(at).toISOString() : null;
    const firesAt = minutes !== null && due !== null ? due - minutes * 60_000 : instant;
    if (firesAt === null) continue;
    const same = (other: Reminder) =>
      minutes !== null
        ? other.offset_minutes === minutes
        : other.at !== null && new Date(other.at).toISOString() === instant;
    if (stored.some(same)) continue;
    const kept = task.reminders.find(same);
    stored.push({
      id: kept?.id ?? crypto.randomUUID(),
      offset_minutes: minutes,
      at: minutes === null ? instant : null,
      fires_at: new Date(firesAt).toISOString(),
      sent_at: kept?.sent_at ?? null,
      failed_at: kept?.failed_at ?? null,
    });
  }
  return stored.sort((a, b) => a.fires_at.localeCompare(b.fires_at));
}
