-- A task's JSON is made in TypeScript from its columns (routes/tasks/task-json.ts).
ALTER TABLE "tasks" DROP COLUMN "as_json";
--> statement-breakpoint
DROP FUNCTION IF EXISTS task_json(uuid, text, text, text, boolean, timestamptz, timestamptz);
