/**
 * A task's reminders as `tasks.reminders` holds them. A write gives only what the user chose
 * (`{offset_minutes}` or `{at}`); Postgres completes each (migration 0009's `task_reminders_kept`,
 * run by a trigger on every insert and update of a task):
 * - a reminder equal to one the task had keeps its id, delivery and job; a new one gets its own;
 * - `fires_at` is `at`, or `offset_minutes` before the task's `due_at`;
 * - when `fires_at` moves (the due date changed), the reminder is pending again: `sent_at` and
 *   `failed_at` cleared, a new `job_id`;
 * - they are kept in the order they fire.
 * A second trigger then keeps one job in the reminder queue (reminders/reminder-queue.ts) per
 * pending reminder (not sent, not failed, firing in the future) of an open task, adding and
 * removing jobs in the same transaction as the task's change.
 */
export type StoredReminder = {
  id: string;
  offset_minutes: number | null;
  at: string | null;
  fires_at: string;
  sent_at: string | null;
  failed_at: string | null;
  /** The job that delivers it while it is pending; internal, never in the API's JSON. */
  job_id: string | null;
};

/** A reminder as a write gives it: one of the two. */
export type ReminderChoice = { offset_minutes: number } | { at: string };

/** The choices as a write stores them: Postgres completes the rest. */
export const chosenReminders = (choices: readonly ReminderChoice[]) =>
  choices.map((choice) => ({
    offset_minutes: "offset_minutes" in choice ? choice.offset_minutes : null,
    at: "at" in choice ? choice.at : null,
  }));
