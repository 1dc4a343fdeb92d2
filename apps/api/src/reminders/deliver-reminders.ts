import type { JobWithMetadata } from "pg-boss";
import type { Db } from "../db/client.ts";
import type { Logger } from "../lib/logger.ts";
import type { PushSender, PushTarget } from "../push/send-push.ts";
import { forgetSubscription, subscriptionsOf } from "../push/subscriptions.ts";
import {
  type DueReminder,
  dueReminders,
  markReminders,
  type ReminderJob,
} from "./reminder-state.ts";

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

type Job = JobWithMetadata<ReminderJob>;
type Settled = { id: string; status: "completed" | "failed" };

/**
 * The reminder queue's handler (pg-boss, a batch of jobs, each settled on its own): pushes each
 * due reminder to every browser its owner subscribed, then records it sent. A subscription its
 * push service no longer knows (404/410) is forgotten. When no browser took it and one may later
 * (the push service failed or was unreachable), the job fails and pg-boss retries it with backoff;
 * the last try records the reminder failed, as does a refusal (another 4xx) by every push service.
 * With no browser subscribed (or only forgotten ones) it counts as sent: it went off. The batch's
 * reads and writes are one statement each, whatever its size.
 */
export function deliverReminders(deps: DeliveryDeps) {
  return async (jobs: Job[]): Promise<Settled[]> => {
    const { db } = deps;
    const due = await dueReminders(
      db,
      jobs.map((job) => job.data),
    );
    const owners = [...new Set(jobs.filter((_, i) => due[i]).map((job) => job.data.user_id))];
    const targets =
      owners.length === 0 ? new Map() : await subscriptionsOf(db, { userIds: owners });
    const verdicts = await Promise.all(
      jobs.map((job, i) => verdictOf(deps, job, due[i], targets.get(job.data.user_id) ?? [])),
    );
    const withVerdict = (verdict: Verdict) =>
      jobs.filter((_, i) => verdicts[i] === verdict).map((job) => job.data);
    await recordOutcomes(deps, withVerdict("sent"), withVerdict("failed"));
    return jobs.map((job, i) => ({
      id: job.id,
      status: verdicts[i] === "retry" ? "failed" : "completed",
    }));
  };
}

type Verdict = "nothing" | "sent" | "failed" | "retry";

/**
 * Records what became of the pushes, trying a few times: once a reminder was pushed, failing its
 * job would push it again on the retry. If the database stays out of reach it is left unrecorded
 * (`sent_at` null) rather than sent twice.
 */
async function recordOutcomes(deps: DeliveryDeps, sent: ReminderJob[], failed: ReminderJob[]) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await markReminders(deps.db, sent, "sent_at");
      await markReminders(deps.db, failed, "failed_at");
      return;
    } catch (error) {
      if (attempt === RECORD_ATTEMPTS) {
        deps.logger.error(
          { reason: errorReason(error), reminders: sent.length + failed.length },
          "reminders pushed but not recorded",
        );
        return;
      }
      await new Promise((wait) => setTimeout(wait, attempt * 1000));
    }
  }
}

const RECORD_ATTEMPTS = 3;

const errorReason = (error: unknown) => {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : "unknown";
};

async function verdictOf(
  deps: DeliveryDeps,
  job: Job,
  due: DueReminder | undefined,
  targets: PushTarget[],
): Promise<Verdict> {
  if (due === undefined) return "nothing";
  const message: ReminderMessage = {
    type: "reminder",
    task_id: job.data.task_id,
    title: due.title,
    due_at: due.dueAt,
    url: `${deps.webAppUrl}/tasks?task=${job.data.task_id}`,
  };
  const text = JSON.stringify(message);
  const outcomes = await Promise.all(targets.map((target) => pushTo(deps, target, text)));
  if (outcomes.includes("delivered") || outcomes.every((outcome) => outcome === "gone")) {
    return "sent";
  }
  if (outcomes.includes("retry") && job.retryCount < job.retryLimit) return "retry";
  deps.logger.warn({ job: job.id, tries: job.retryCount + 1 }, "reminder given up: push failed");
  return "failed";
}

async function pushTo(deps: DeliveryDeps, target: PushTarget, message: string): Promise<Outcome> {
  try {
    const outcome = outcomeOf(await deps.push(target, message));
    if (outcome === "gone") await forgetSubscription(deps.db, target);
    if (outcome === "refused") deps.logger.warn("a push service refused a reminder");
    return outcome;
  } catch (error) {
    // The code only: a message may hold the endpoint, which is as good as a credential.
    deps.logger.warn({ code: errorReason(error) }, "push failed");
    return "retry";
  }
}
