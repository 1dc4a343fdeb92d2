ALTER TABLE "tasks" ADD COLUMN "priority" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "due_date" date;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "due_time" time(0);--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "due_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "labels" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "label_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_priority_range" CHECK ("tasks"."priority" between 0 and 3);--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_due_complete" CHECK (("tasks"."due_date" is null) = ("tasks"."time_zone" is null) and ("tasks"."due_date" is null) = ("tasks"."due_at" is null) and ("tasks"."due_time" is null or "tasks"."due_date" is not null));--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_labels_size" CHECK (cardinality("tasks"."labels") <= 20 and cardinality("tasks"."label_keys") = cardinality("tasks"."labels"));