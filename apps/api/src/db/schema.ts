import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { StoredReminder } from "../reminders/stored-reminder.ts";

/**
 * Timestamps are stored at millisecond precision (timestamptz(3)): the same precision as a JS
 * Date, so a created_at read back and put in a pagination cursor compares exactly equal to the
 * stored value (microseconds would make keyset pagination skip or repeat rows).
 */
const timestampMs = (name: string) =>
  timestamp(name, { withTimezone: true, precision: 3, mode: "date" }).notNull().defaultNow();

/**
 * What a search reads: title and description, lower-cased and without accents (`task_fold`, an
 * immutable wrapper of unaccent that migration 0005 defines, so that indexes can use it).
 */
export const searchDocument = (t: { title: AnyPgColumn; description: AnyPgColumn }) =>
  sql`task_fold(${t.title} || ' ' || coalesce(${t.description}, ''))`;

/**
 * A task's columns, shared by `tasks` (the live ones) and `trashed_tasks` (the deleted ones, with
 * when): a delete and a restore move a row between them as it is (tasks/trash.ts).
 */
const taskColumns = () => ({
  id: uuid("id").primaryKey().defaultRandom(),
  /** The token's `sub`: the web app's user id. No foreign key: the API never sees the auth DB. */
  userId: text("user_id").notNull(),
  title: text("title").notNull(),
  description: text("description"),
  isCompleted: boolean("is_completed").notNull().default(false),
  createdAt: timestampMs("created_at"),
  updatedAt: timestampMs("updated_at"),
  /** 0 none, 1 low, 2 medium, 3 high (tasks/fields.ts): sorts as the priorities are ordered. */
  priority: smallint("priority").notNull().default(0),
  /** The wall-clock due date and, unless the task is all-day, time, in `time_zone`. */
  dueDate: date("due_date", { mode: "string" }),
  dueTime: time("due_time", { precision: 0 }),
  timeZone: text("time_zone"),
  /** When the task becomes overdue, computed from the three above (tasks/due.ts). */
  dueAt: timestamp("due_at", { withTimezone: true, precision: 3, mode: "date" }),
  /** As the user spelled them, sorted case-insensitively, without case-insensitive repeats. */
  labels: text("labels").array().notNull().default(sql`'{}'::text[]`),
  /** `labels` lower-cased, in the same order: what filters and the label endpoints match. */
  labelKeys: text("label_keys").array().notNull().default(sql`'{}'::text[]`),
  /** An RFC 5545 RRULE value, or null (tasks/recurrence.ts); needs a due date. */
  recurrence: text("recurrence"),
  /** "due": the next date follows the schedule; "completion": it counts from the day done. */
  recurrenceFrom: text("recurrence_from", { enum: ["due", "completion"] })
    .notNull()
    .default("due"),
  /** The series' first task, on every later occurrence (and on the first once it has one). */
  seriesId: uuid("series_id"),
  /** The occurrence made when this one was completed: there is never a second. */
  nextOccurrenceId: uuid("next_occurrence_id"),
  /** Which occurrence of its series this is (1 = the first): what the rule's COUNT limits. */
  occurrence: integer("occurrence").notNull().default(1),
  /**
   * Up to 5 reminders, each `{id, offset_minutes | at, fires_at, sent_at, failed_at, job_id}`
   * (reminders/stored-reminder.ts). Postgres keeps them right on every write, whichever statement
   * makes it (migration 0009's triggers): ids and delivery kept for unchanged ones, `fires_at`
   * following the due date, one reminder job per pending one.
   */
  reminders: jsonb("reminders").$type<StoredReminder[]>().notNull().default(sql`'[]'::jsonb`),
});

export const tasks = pgTable("tasks", taskColumns(), (t) => [
  // Serves every list query: the caller's tasks, newest first, tie-broken by id (keyset order).
  index("tasks_user_created_id_idx").on(
    t.userId,
    t.createdAt.desc().nullsFirst(),
    t.id.desc().nullsFirst(),
  ),
  // One per sort of the list (each then by -created_at, -id), the caller's tasks first; none for
  // updated_at, which every write moves: indexed, no toggle could be a HOT update (toggles
  // 4,700 → 2,400-3,400/s); that sort reads the caller's tasks and sorts them (9-12 ms at 10,000).
  index("tasks_user_due_at_idx").on(
    t.userId,
    t.dueAt.asc().nullsLast(),
    t.createdAt.desc().nullsFirst(),
    t.id.desc().nullsFirst(),
  ),
  index("tasks_user_due_at_desc_idx").on(
    t.userId,
    t.dueAt.desc().nullsLast(),
    t.createdAt.desc().nullsFirst(),
    t.id.desc().nullsFirst(),
  ),
  index("tasks_user_priority_idx").on(
    t.userId,
    t.priority.desc().nullsFirst(),
    t.createdAt.desc().nullsFirst(),
    t.id.desc().nullsFirst(),
  ),
  index("tasks_user_priority_asc_idx").on(
    t.userId,
    t.priority.asc().nullsLast(),
    t.createdAt.desc().nullsFirst(),
    t.id.desc().nullsFirst(),
  ),
  index("tasks_user_title_idx").on(
    t.userId,
    sql`lower(${t.title}) collate "C"`,
    t.createdAt.desc().nullsFirst(),
    t.id.desc().nullsFirst(),
  ),
  // The due filters: `due_date` for today/tomorrow/week/before/after, `due_at` for overdue.
  index("tasks_user_due_date_idx").on(t.userId, t.dueDate),
  // `label=`: the caller's tasks holding every listed key (btree_gin puts user_id in a GIN index).
  index("tasks_user_label_keys_idx").using("gin", t.userId, t.labelKeys),
  // `q=`: substrings and typos (trigrams), word forms (English stems), on the folded text.
  index("tasks_search_trgm_idx").using("gin", sql`${searchDocument(t)} gin_trgm_ops`),
  index("tasks_search_tsv_idx").using("gin", sql`to_tsvector('english', ${searchDocument(t)})`),
  check("tasks_title_length", sql`char_length(${t.title}) between 1 and 255`),
  check(
    "tasks_description_length",
    sql`${t.description} is null or char_length(${t.description}) <= 10000`,
  ),
  check("tasks_priority_range", sql`${t.priority} between 0 and 3`),
  check(
    "tasks_due_complete",
    sql`(${t.dueDate} is null) = (${t.timeZone} is null) and (${t.dueDate} is null) = (${t.dueAt} is null) and (${t.dueTime} is null or ${t.dueDate} is not null)`,
  ),
  check("tasks_recurrence_due", sql`${t.recurrence} is null or ${t.dueDate} is not null`),
  check("tasks_recurrence_from", sql`${t.recurrenceFrom} in ('due', 'completion')`),
  check("tasks_reminders_size", sql`jsonb_array_length(${t.reminders}) <= 5`),
  check(
    "tasks_labels_size",
    sql`cardinality(${t.labels}) <= 20 and cardinality(${t.labelKeys}) = cardinality(${t.labels})`,
  ),
]);

/**
 * Deleted tasks, for 30 days (tasks/trash.ts): a delete moves the row here and a restore moves it
 * back, each in one statement, so the live table and its indexes hold live tasks only and no
 * query of them filters on a deletion.
 */
export const trashedTasks = pgTable(
  "trashed_tasks",
  { ...taskColumns(), id: uuid("id").primaryKey(), deletedAt: timestampMs("deleted_at") },
  (t) => [
    // The trash's list (newest deletion first, keyset order), its count and emptying it.
    index("trashed_tasks_user_deleted_idx").on(
      t.userId,
      t.deletedAt.desc().nullsFirst(),
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    // The purge of what is older than 30 days, every user's at once.
    index("trashed_tasks_deleted_idx").on(t.deletedAt),
  ],
);

/**
 * The first answer to each `Idempotency-Key` a user sent with a write, kept for 24 hours and
 * replayed to a retry with the same key. It is written in the transaction of the write itself,
 * so a write and its stored answer commit together or not at all.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: text("user_id").notNull(),
    key: text("key").notNull(),
    /** A hash of the request (method, path, body): the same key with another request is a 422. */
    fingerprint: text("fingerprint").notNull(),
    status: integer("status").notNull(),
    /** The answer's headers that a replay repeats (Location, ETag), as a JSON object. */
    headers: text("headers").notNull(),
    body: text("body").notNull(),
    createdAt: timestampMs("created_at"),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.key] }),
    // Serves the sweep of expired answers.
    index("idempotency_keys_created_idx").on(t.createdAt),
  ],
);

/** A task as stored: every route answers with it through `toTaskJson` (tasks/task-json.ts). */
export type TaskRow = typeof tasks.$inferSelect;

/** A task in the trash: a task and when it was deleted. */
export type TrashedTaskRow = typeof trashedTasks.$inferSelect;

/**
 * Users whose account was deleted (DELETE /api/me): their tokens stay valid until they expire,
 * so the API keeps their ids to refuse them (accounts/deleted-users.ts). Nothing else of theirs
 * is kept.
 */
export const deletedUsers = pgTable("deleted_users", {
  userId: text("user_id").primaryKey(),
  deletedAt: timestampMs("deleted_at"),
});

/**
 * Where each user's browsers take Web Push messages (POST /api/push/subscriptions): one row per
 * push endpoint, which belongs to one browser profile, so a second user subscribing it takes it
 * over.
 */
export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    endpoint: text("endpoint").primaryKey(),
    userId: text("user_id").notNull(),
    /** The browser's P-256 public key and auth secret (base64url), for RFC 8291 encryption. */
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    createdAt: timestampMs("created_at"),
    updatedAt: timestampMs("updated_at"),
  },
  (t) => [index("push_subscriptions_user_idx").on(t.userId, t.updatedAt)],
);

/**
 * What changed for whom, for the live event stream (GET /api/events, events/): written by
 * Postgres itself for every statement that changes tasks (migration 0010's triggers, as 0011 left
 * them), whichever route or worker runs it; each user's in commit order. Kept a few minutes, for
 * streams that reconnect with `Last-Event-ID`.
 */
export const taskEvents = pgTable(
  "task_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: text("user_id").notNull(),
    type: text("type", {
      enum: ["task.created", "task.updated", "task.deleted", "labels.changed"],
    }).notNull(),
    /** The task; null for `labels.changed`. */
    taskId: uuid("task_id"),
    createdAt: timestampMs("created_at"),
  },
  (t) => [
    index("task_events_user_idx").on(t.userId, t.id),
    index("task_events_created_idx").on(t.createdAt),
  ],
);
