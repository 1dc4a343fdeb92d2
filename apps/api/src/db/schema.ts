import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Timestamps are stored at millisecond precision (timestamptz(3)): the same precision as a JS
 * Date, so a created_at read back and put in a pagination cursor compares exactly equal to the
 * stored value (microseconds would make keyset pagination skip or repeat rows).
 */
const timestampMs = (name: string) =>
  timestamp(name, { withTimezone: true, precision: 3, mode: "date" }).notNull().defaultNow();

export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The token's `sub`: the web app's user id. No foreign key: the API never sees the auth DB. */
    userId: text("user_id").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    isCompleted: boolean("is_completed").notNull().default(false),
    createdAt: timestampMs("created_at"),
    updatedAt: timestampMs("updated_at"),
    /**
     * The task as the API answers it (the `Task` schema as JSON), kept up to date by Postgres on
     * every write: a page of tasks is then these texts joined, not 20 JSON objects and 40
     * timestamps built on every read (about half of the list statement's cost). `task_json` is
     * the SQL function the migration that added this column defines.
     */
    asJson: text("as_json")
      .notNull()
      .generatedAlwaysAs(
        sql`task_json(id, user_id, title, description, is_completed, created_at, updated_at)`,
      ),
  },
  (t) => [
    // Serves every list query: the caller's tasks, newest first, tie-broken by id (keyset order).
    index("tasks_user_created_id_idx").on(
      t.userId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    check("tasks_title_length", sql`char_length(${t.title}) between 1 and 255`),
    check(
      "tasks_description_length",
      sql`${t.description} is null or char_length(${t.description}) <= 10000`,
    ),
  ],
);

/**
 * What every statement that answers with a task reads or returns: its id and `as_json`, the
 * response's JSON as Postgres keeps it. Node neither maps the row nor serialises it again.
 */
export const taskText = { id: tasks.id, json: tasks.asJson };

/** A task as the API answers it: its id and its JSON text. */
export type TaskText = { id: string; json: string };
