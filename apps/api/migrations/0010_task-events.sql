CREATE TABLE "task_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"type" text NOT NULL,
	"task_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "task_events_user_idx" ON "task_events" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "task_events_created_idx" ON "task_events" USING btree ("created_at");--> statement-breakpoint
-- Every statement that changes tasks records what changed for whom (task_events) and, per user,
-- announces the range of its events on the `task_events` channel: `<first id> <last id> <user id>`.
-- NOTIFY is delivered once the transaction commits, in commit order, to every API replica
-- (events/event-hub.ts), which reads the events of the users it streams to. Statement-level, with
-- transition tables: one insert and one notification per user however many rows the statement
-- changed. A task's labels appearing, changing or going also records `labels.changed`.
CREATE FUNCTION task_events_written() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  notified bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    WITH written AS (
      INSERT INTO task_events (user_id, type, task_id)
      SELECT user_id, 'task.created', id FROM changed_new
      UNION ALL
      SELECT DISTINCT user_id, 'labels.changed', NULL::uuid FROM changed_new WHERE cardinality(label_keys) > 0
      RETURNING user_id, id)
    SELECT count(pg_notify('task_events', first || ' ' || last || ' ' || user_id)) INTO notified
      FROM (SELECT user_id, min(id) AS first, max(id) AS last FROM written GROUP BY user_id) AS users;
  ELSIF TG_OP = 'UPDATE' THEN
    WITH written AS (
      INSERT INTO task_events (user_id, type, task_id)
      SELECT user_id, 'task.updated', id FROM changed_new
      UNION ALL
      SELECT DISTINCT n.user_id, 'labels.changed', NULL::uuid FROM changed_new n
        JOIN changed_old o ON o.id = n.id WHERE o.label_keys IS DISTINCT FROM n.label_keys
      RETURNING user_id, id)
    SELECT count(pg_notify('task_events', first || ' ' || last || ' ' || user_id)) INTO notified
      FROM (SELECT user_id, min(id) AS first, max(id) AS last FROM written GROUP BY user_id) AS users;
  ELSE
    WITH written AS (
      INSERT INTO task_events (user_id, type, task_id)
      SELECT user_id, 'task.deleted', id FROM changed_old
      UNION ALL
      SELECT DISTINCT user_id, 'labels.changed', NULL::uuid FROM changed_old WHERE cardinality(label_keys) > 0
      RETURNING user_id, id)
    SELECT count(pg_notify('task_events', first || ' ' || last || ' ' || user_id)) INTO notified
      FROM (SELECT user_id, min(id) AS first, max(id) AS last FROM written GROUP BY user_id) AS users;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER tasks_events_insert AFTER INSERT ON tasks REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION task_events_written();
--> statement-breakpoint
CREATE TRIGGER tasks_events_update AFTER UPDATE ON tasks REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION task_events_written();
--> statement-breakpoint
CREATE TRIGGER tasks_events_delete AFTER DELETE ON tasks REFERENCING OLD TABLE AS changed_old
  FOR EACH STATEMENT EXECUTE FUNCTION task_events_written();
