import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { tasks } from "../db/schema.ts";

/** What a reminder job names: the owner's task and which of its reminders, firing when. */
export type ReminderJob = {
  task_id: string;
  user_id: string;
  reminder_id: string;
  fires_at: string;
};

/** The reminder, in the task's reminders, still as the job scheduled it. */
const scheduled = (job: ReminderJob) =>
  sql`${tasks.reminders} @> ${JSON.stringify([{ id: job.reminder_id, fires_at: job.fires_at }])}::jsonb`;

const ownTask = (job: ReminderJob) =>
  and(eq(tasks.id, job.task_id), eq(tasks.userId, job.user_id), scheduled(job));

/**
 * The task the job's reminder is for, when it is still to be sent: the task open and the reminder
 * unchanged (same moment), neither sent nor failed. Undefined when an edit, completion or delete
 * got there first: the job then has nothing to do.
 */
export async function pendingReminder(db: Db, job: ReminderJob) {
  const [row] = await db
    .select({ title: tasks.title, dueAt: tasks.dueAt })
    .from(tasks)
    .where(
      and(
        ownTask(job),
        eq(tasks.isCompleted, false),
        sql`exists (select 1 from jsonb_array_elements(${tasks.reminders}) r
          where r->>'id' = ${job.reminder_id} and r->>'sent_at' is null and r->>'failed_at' is null)`,
      ),
    );
  return row;
}

/**
 * Records the reminder as sent or failed, now. Not a change of the task by its owner: its
 * `updated_at` (and so its ETag) stays.
 */
export async function markReminder(db: Db, job: ReminderJob, outcome: "sent_at" | "failed_at") {
  const stamp = sql`jsonb_build_object(${outcome}::text, to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'job_id', null)`;
  await db
    .update(tasks)
    .set({
      reminders: sql`(select jsonb_agg(case when r->>'id' = ${job.reminder_id} then r || ${stamp} else r end order by n)
        from jsonb_array_elements(${tasks.reminders}) with ordinality as x(r, n))`,
    })
    .where(ownTask(job));
}
