import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../db/client.ts";
import { tasks } from "../db/schema.ts";

/** What a reminder job names: the owner's task and which of its reminders, firing when. */
export type ReminderJob = {
  task_id: string;
  user_id: string;
  reminder_id: string;
  fires_at: string;
};

/**
 * A request's statements are cut at half its deadline (db/client.ts); delivery answers no request,
 * and a batch's statement cut under load would make its pushes go out again on the retry.
 */
const WORKER_STATEMENT_TIMEOUT = "10s";

/** `work` in a transaction whose statements may take WORKER_STATEMENT_TIMEOUT. */
function asWorker<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`set local statement_timeout = ${sql.raw(`'${WORKER_STATEMENT_TIMEOUT}'`)}`,
    );
    return work(tx);
  });
}

/** The jobs as a set of rows for one statement, each numbered by its place in the batch. */
const jobRows = (jobs: readonly ReminderJob[]) =>
  sql`jsonb_to_recordset(${JSON.stringify(jobs.map((job, n) => ({ ...job, n })))}::text::jsonb)
    as j(n int, task_id uuid, user_id text, reminder_id text, fires_at text)`;

/** The task a reminder is for, when it is still to be sent. */
export type DueReminder = { title: string; dueAt: string | null };

/**
 * For each job of a batch, its task when the reminder is still to be sent: the task open and the
 * reminder unchanged (same id and moment), neither sent nor failed; undefined when an edit,
 * completion or delete got there first (the job then has nothing to do). Scoped to each job's owner.
 */
export async function dueReminders(
  db: Db,
  jobs: readonly ReminderJob[],
): Promise<(DueReminder | undefined)[]> {
  const result = await asWorker(db, (tx) =>
    tx.execute(sql`
    select j.n, t.title, to_char(t.due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as due_at
    from ${jobRows(jobs)}
    join ${tasks} t on t.id = j.task_id and t.user_id = j.user_id and not t.is_completed
    where exists (select 1 from jsonb_array_elements(t.reminders) r
      where r->>'id' = j.reminder_id and r->>'fires_at' = j.fires_at
        and r->>'sent_at' is null and r->>'failed_at' is null)`),
  );
  const due: (DueReminder | undefined)[] = jobs.map(() => undefined);
  for (const row of rowsOf<{ n: number; title: string; due_at: string | null }>(result)) {
    due[row.n] = { title: row.title, dueAt: row.due_at };
  }
  return due;
}

/**
 * Records the jobs' reminders as sent or failed, now, each only while it is as its job scheduled
 * it. Not a change of the task by its owner: its `updated_at` (and so its ETag) stays.
 */
export async function markReminders(
  db: Db,
  jobs: readonly ReminderJob[],
  outcome: "sent_at" | "failed_at",
): Promise<void> {
  if (jobs.length === 0) return;
  const stamp = sql`jsonb_build_object(${outcome}::text, to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'job_id', null)`;
  await asWorker(db, (tx) =>
    tx.execute(sql`
    update ${tasks} t set reminders = (
      select jsonb_agg(case when (r->>'id') || '@' || (r->>'fires_at') = any(mine.keys)
        then r || ${stamp} else r end order by x.n)
      from jsonb_array_elements(t.reminders) with ordinality as x(r, n))
    from (select task_id, user_id, array_agg(reminder_id || '@' || fires_at) as keys
      from ${jobRows(jobs)} group by task_id, user_id) as mine
    where t.id = mine.task_id and t.user_id = mine.user_id`),
  );
}
