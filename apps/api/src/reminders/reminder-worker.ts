import type { Database } from "../db/client.ts";
import type { Config } from "../env.ts";
import type { Logger } from "../lib/logger.ts";
import { pushSender } from "../push/send-push.ts";
import { vapidKeysOf } from "../push/vapid-keys.ts";
import { deliverReminders } from "./deliver-reminders.ts";
import { newJobQueue, REMINDER_QUEUE } from "./reminder-queue.ts";

/**
 * How a worker takes jobs: up to 50 at a time, each process running two such loops, looking every
 * second (a reminder goes off within about a second of its moment) and at once again while batches
 * come back full. Every replica runs them; pg-boss hands each job to one.
 */
const WORK_OPTIONS = {
  batchSize: 100,
  localConcurrency: 4,
  pollingIntervalSeconds: 1,
  burstWhenBatchFull: true,
  includeMetadata: true,
  perJobResults: true,
} as const;

export type ReminderWorker = { stop(): Promise<void> };

/** Starts delivering reminders from this process; `stop` lets the batches under way finish. */
export async function startReminderWorker(deps: {
  config: Pick<Config, "push" | "dataDir">;
  database: Database;
  logger: Logger;
}): Promise<ReminderWorker> {
  const { config, database, logger } = deps;
  const boss = newJobQueue(database.jobStore, { schedule: false, migrate: false });
  boss.on("error", (error) => logger.error({ reason: error.message }, "reminder queue error"));
  await boss.start();
  const push = pushSender(vapidKeysOf(config), config.push.allowLoopback);
  await boss.work(
    REMINDER_QUEUE,
    WORK_OPTIONS,
    deliverReminders({ db: database.db, push, logger, webAppUrl: config.push.webAppUrl }),
  );
  return { stop: () => boss.stop({ graceful: true, timeout: 10_000 }) };
}
