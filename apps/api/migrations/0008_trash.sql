CREATE TABLE "trashed_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"is_completed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"priority" smallint DEFAULT 0 NOT NULL,
	"due_date" date,
	"due_time" time(0),
	"time_zone" text,
	"due_at" timestamp (3) with time zone,
	"labels" text[] DEFAULT '{}'::text[] NOT NULL,
	"label_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"recurrence" text,
	"recurrence_from" text DEFAULT 'due' NOT NULL,
	"series_id" uuid,
	"next_occurrence_id" uuid,
	"occurrence" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "trashed_tasks_user_deleted_idx" ON "trashed_tasks" USING btree ("user_id","deleted_at" DESC NULLS FIRST,"created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "trashed_tasks_deleted_idx" ON "trashed_tasks" USING btree ("deleted_at");