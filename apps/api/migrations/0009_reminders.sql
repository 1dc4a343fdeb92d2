CREATE TABLE "push_subscriptions" (
	"endpoint" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"p256dh" text NOT NULL,
	"auth" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "reminders" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "trashed_tasks" ADD COLUMN "reminders" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "push_subscriptions_user_idx" ON "push_subscriptions" USING btree ("user_id","updated_at");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_reminders_size" CHECK (jsonb_array_length("tasks"."reminders") <= 5);--> statement-breakpoint
-- A task's reminders as a write leaves them (reminders/stored-reminder.ts): each one equal to one
-- the task had keeps its id, delivery and job; fires_at is `at` or offset_minutes before due_at;
-- one whose fires_at moved is pending again with a new job; in the order they fire.
CREATE FUNCTION task_reminders_kept() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  previous jsonb := CASE WHEN TG_OP = 'UPDATE' THEN OLD.reminders ELSE '[]'::jsonb END;
  kept jsonb := '[]'::jsonb;
  used text[] := '{}';
  r jsonb;
  earlier jsonb;
  fires timestamptz;
  fires_text text;
BEGIN
  FOR r IN SELECT value FROM jsonb_array_elements(NEW.reminders) LOOP
    IF NOT r ? 'id' THEN
      SELECT p.value INTO earlier FROM jsonb_array_elements(previous) p
        WHERE p.value->'offset_minutes' = r->'offset_minutes' AND p.value->'at' = r->'at'
          AND NOT (p.value->>'id' = ANY(used))
        LIMIT 1;
      r := coalesce(earlier, jsonb_build_object(
        'id', gen_random_uuid(), 'offset_minutes', r->'offset_minutes', 'at', r->'at',
        'fires_at', null, 'sent_at', null, 'failed_at', null, 'job_id', null));
    END IF;
    used := used || (r->>'id');
    fires := CASE WHEN r->>'at' IS NOT NULL THEN (r->>'at')::timestamptz
      ELSE NEW.due_at - make_interval(mins => (r->>'offset_minutes')::int) END;
    IF fires IS NULL THEN
      RAISE EXCEPTION 'a reminder before the due date needs a due date'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'tasks_reminders_due';
    END IF;
    fires_text := to_char(fires AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
    IF r->>'fires_at' IS DISTINCT FROM fires_text THEN
      r := r || jsonb_build_object('fires_at', fires_text, 'sent_at', null, 'failed_at', null, 'job_id', null);
    END IF;
    IF r->>'job_id' IS NULL AND r->>'sent_at' IS NULL AND r->>'failed_at' IS NULL THEN
      r := r || jsonb_build_object('job_id', gen_random_uuid());
    END IF;
    kept := kept || jsonb_build_array(r);
  END LOOP;
  NEW.reminders := (SELECT coalesce(jsonb_agg(k.value ORDER BY k.value->>'fires_at', k.value->>'id'), '[]'::jsonb)
    FROM jsonb_array_elements(kept) k);
  RETURN NEW;
END
$$;
--> statement-breakpoint
-- Neither trigger runs for delivery recording a reminder sent or failed (reminders/reminder-state.ts
-- sets taskline.recording_delivery for its transaction): that changes no reminder's moment, and its
-- job is the one being run.
CREATE TRIGGER tasks_reminders_kept BEFORE INSERT OR UPDATE OF reminders, due_at ON tasks
  FOR EACH ROW WHEN (NEW.reminders <> '[]'::jsonb
    AND current_setting('taskline.recording_delivery', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION task_reminders_kept();
--> statement-breakpoint
-- One job in pg-boss's `reminders` queue per pending reminder (not sent, not failed, firing in
-- the future) of an open task, in the transaction of the task's change: the jobs of reminders no
-- longer pending are removed unless already being delivered (delivery then finds the reminder
-- changed and sends nothing); new pending ones are added. pg-boss documents inserting into its
-- job table directly; the queue's settings are copied as its own send() does.
CREATE FUNCTION task_reminder_jobs() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  pending_before jsonb := CASE WHEN TG_OP <> 'INSERT' AND NOT OLD.is_completed
    THEN OLD.reminders ELSE '[]'::jsonb END;
  pending_after jsonb := CASE WHEN TG_OP <> 'DELETE' AND NOT NEW.is_completed
    THEN NEW.reminders ELSE '[]'::jsonb END;
BEGIN
  DELETE FROM pgboss.job j
    USING jsonb_array_elements(pending_before) b
    WHERE j.name = 'reminders' AND j.id = (b.value->>'job_id')::uuid
      AND j.state IN ('created', 'retry')
      AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(pending_after) a
        WHERE a.value->>'job_id' = b.value->>'job_id'
          AND a.value->>'sent_at' IS NULL AND a.value->>'failed_at' IS NULL);
  INSERT INTO pgboss.job (id, name, data, start_after, keep_until, retry_limit, retry_delay,
      retry_backoff, retry_delay_max, expire_seconds, deletion_seconds, policy)
    SELECT (a.value->>'job_id')::uuid, q.name,
      jsonb_build_object('task_id', NEW.id, 'user_id', NEW.user_id,
        'reminder_id', a.value->>'id', 'fires_at', a.value->>'fires_at'),
      (a.value->>'fires_at')::timestamptz,
      (a.value->>'fires_at')::timestamptz + q.retention_seconds * interval '1 second',
      q.retry_limit, q.retry_delay, q.retry_backoff, q.retry_delay_max, q.expire_seconds,
      q.deletion_seconds, q.policy
    FROM jsonb_array_elements(pending_after) a
    JOIN pgboss.queue q ON q.name = 'reminders'
    WHERE a.value->>'job_id' IS NOT NULL AND a.value->>'sent_at' IS NULL
      AND a.value->>'failed_at' IS NULL AND (a.value->>'fires_at')::timestamptz > now()
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER tasks_reminder_jobs_insert AFTER INSERT ON tasks
  FOR EACH ROW WHEN (NEW.reminders <> '[]'::jsonb) EXECUTE FUNCTION task_reminder_jobs();
--> statement-breakpoint
CREATE TRIGGER tasks_reminder_jobs_update AFTER UPDATE OF reminders, due_at, is_completed ON tasks
  FOR EACH ROW WHEN ((OLD.reminders <> '[]'::jsonb OR NEW.reminders <> '[]'::jsonb)
    AND (OLD.reminders IS DISTINCT FROM NEW.reminders OR OLD.is_completed IS DISTINCT FROM NEW.is_completed)
    AND current_setting('taskline.recording_delivery', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION task_reminder_jobs();
--> statement-breakpoint
CREATE TRIGGER tasks_reminder_jobs_delete AFTER DELETE ON tasks
  FOR EACH ROW WHEN (OLD.reminders <> '[]'::jsonb) EXECUTE FUNCTION task_reminder_jobs();
