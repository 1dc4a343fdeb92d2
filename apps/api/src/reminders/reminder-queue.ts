import { type ConstructorOptions, PgBoss } from "pg-boss";

/**
 * The durable queue of reminders: pg-boss on the tasks database (Postgres or the embedded
 * PGlite). Its jobs are written by Postgres itself, in the transaction of each task change
 * (migration 0009's `task_reminder_jobs`: one job per pending reminder); this module installs the
 * queue and runs the workers that deliver them (deliver-reminders.ts).
 */

/** The queue's name; migration 0009's trigger writes its jobs. */
export const REMINDER_QUEUE = "reminders";

/** pg-boss's schema, as the trigger names it. */
export const JOB_SCHEMA = "pgboss";

/**
 * A failing push service is retried with a growing delay (30 s, 1, 2, 4, 8 min, then every 15)
 * for about an hour, then the reminder is marked failed. A delivery still running after a minute
 * is retried. A job waits up to 14 days for a worker (an API down that long), and a done one is
 * kept a day.
 */
export const REMINDER_QUEUE_OPTIONS = {
  retryLimit: 8,
  retryDelay: 30,
  retryBackoff: true,
  retryDelayMax: 900,
  expireInSeconds: 60,
  retentionSeconds: 14 * 24 * 3600,
  deleteAfterSeconds: 24 * 3600,
} as const;

/** How pg-boss reaches the tasks database (db/client.ts, db/pglite.ts). */
export type JobStore = Pick<ConstructorOptions, "connectionString" | "max" | "db" | "backend">;

/** A pg-boss instance on the store, with this app's schema; nothing runs before `start`. */
export const newJobQueue = (store: JobStore, options: Partial<ConstructorOptions> = {}) =>
  new PgBoss({ ...store, schema: JOB_SCHEMA, application_name: "taskline-jobs", ...options });

/**
 * Installs (or upgrades) pg-boss's schema and the reminder queue: part of migrating the
 * database, since task writes add jobs. Safe when several processes start together (pg-boss
 * takes an advisory lock).
 */
export async function installReminderQueue(store: JobStore): Promise<void> {
  const boss = newJobQueue(store, { supervise: false, schedule: false, max: 1 });
  boss.on("error", () => {});
  await boss.start();
  try {
    if ((await boss.getQueue(REMINDER_QUEUE)) === null) {
      await boss.createQueue(REMINDER_QUEUE, REMINDER_QUEUE_OPTIONS);
    } else {
      await boss.updateQueue(REMINDER_QUEUE, REMINDER_QUEUE_OPTIONS);
    }
  } finally {
    await boss.stop({ graceful: false });
  }
}
