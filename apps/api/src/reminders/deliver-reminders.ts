import type { JobWithMetadata } from "pg-boss";
import type { Db } from "../db/client.ts";
import type { Logger } from "../lib/logger.ts";
import type { PushSender, PushTarget } from "../push/send-push.ts";
import { forgetSubscription, subscriptionsOf } from "../push/subscriptions.ts";
import { markReminder, pendingReminder, type ReminderJob } from "./reminder-state.ts";

/** The push message of a reminder: nothing else of the task leaves the server. */
export type ReminderMessage = {
  type: "reminder";
  task_id: string;
  title: string;
  due_at: string | null;
  url: string;
};

type Outcome = "delivered" | "gone" | "refused" | "retry";

/** What a push service's answer means for this subscription. */
function outcomeOf(status: number): Outcome {
  if (status >= 200 && status < 300) return "delivered";
  if (status === 404 || status === 410) return "gone";
  if (status === 429 || status >= 500) return "retry";
  return "refused";
}

export type DeliveryDeps = { db: Db; push: PushSender; logger: Logger; webAppUrl: string };

/**
 * The reminder queue's handler (pg-boss, a batch of jobs, each settled on its own): pushes each
 * due reminder to every browser its owner subscribed, then records it sent. A subscription its
 * push service no longer knows (404/410) is forgotten. When no browser took it and one may later
 * (the push service failed or was unreachable), the job fails and pg-boss retries it with backoff;
 * the last try records the reminder failed, as does a refusal (another 4xx) by every push service.
 * With no browser subscribed (or only forgotten ones) it counts as sent: it went off.
 */
export function deliverReminders(deps: DeliveryDeps) {
  return (jobs: JobWithMetadata<ReminderJob>[]) =>
    Promise.all(
      jobs.map(async (job) => {
        const status = await deliverOne(deps, job);
        return { id: job.id, status };
      }),
    );
}

async function deliverOne(
  deps: DeliveryDeps,
  job: JobWithMetadata<ReminderJob>,
): Promise<"completed" | "failed"> {
  const { db, logger } = deps;
  const task = await pendingReminder(db, job.data);
  if (task === undefined) return "completed";
  const message: ReminderMessage = {
    type: "reminder",
    task_id: job.data.task_id,
    title: task.title,
    due_at: task.dueAt?.toISOString() ?? null,
    url: `${deps.webAppUrl}/tasks?task=${job.data.task_id}`,
  };
  const targets = await subscriptionsOf(db, { userId: job.data.user_id });
  const outcomes = await Promise.all(targets.map((target) => pushTo(deps, target, message)));
  if (outcomes.includes("delivered") || outcomes.every((outcome) => outcome === "gone")) {
    await markReminder(db, job.data, "sent_at");
    return "completed";
  }
  if (!outcomes.includes("retry") || job.retryCount >= job.retryLimit) {
    logger.warn({ job: job.id, tries: job.retryCount + 1 }, "reminder given up: push failed");
    await markReminder(db, job.data, "failed_at");
    return "completed";
  }
  return "failed";
}

async function pushTo(
  deps: DeliveryDeps,
  target: PushTarget,
  message: ReminderMessage,
): Promise<Outcome> {
  try {
    const outcome = outcomeOf(await deps.push(target, JSON.stringify(message)));
    if (outcome === "gone") await forgetSubscription(deps.db, target);
    if (outcome === "refused") deps.logger.warn("a push service refused a reminder");
    return outcome;
  } catch (error) {
    deps.logger.warn(
      { reason: error instanceof Error ? error.message : String(error) },
      "push failed",
    );
    return "retry";
  }
}
