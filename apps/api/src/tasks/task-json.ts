import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { type TaskRow, type TrashedTaskRow, tasks, trashedTasks } from "../db/schema.ts";
import type { StoredReminder } from "../reminders/stored-reminder.ts";
import type { TaskJson } from "../routes/tasks/task.types.ts";
import { PRIORITIES, priorityName } from "./fields.ts";

/**
 * A task's JSON, defined once: for each field of the `Task` schema, how a stored row gives it in
 * TypeScript (one task: `toTaskJson`) and in SQL (a page of tasks: `taskJsonSql`, so that Postgres
 * hands over each task as its JSON text instead of fourteen columns for Node to decode, map and
 * serialise again, which cost a list ~4× the API's CPU). The type makes each side name every
 * schema field; task-json.test.ts proves both give the same JSON. A new field is one entry here.
 * A row is a live task (`tasks`) or one in the trash (`trashed_tasks`, which adds `deleted_at`).
 */
type Row = TaskRow | TrashedTaskRow;
type Table = typeof tasks | typeof trashedTasks;

/**
 * `sql` of a table's row: a value (given to to_json), `{ json }` a JSON text already, or null for
 * a field that is JSON null for rows of that table.
 */
type Field<K extends keyof TaskJson> = {
  row: (row: Row) => TaskJson[K];
  sql: (t: Table) => SQL | { json: SQL } | null;
};

/** A reminder as the API shows it: its stored form without the internal job id. */
const reminderJson = (r: StoredReminder) => ({
  id: r.id,
  offset_minutes: r.offset_minutes,
  at: r.at,
  fires_at: r.fires_at,
  sent_at: r.sent_at,
  failed_at: r.failed_at,
});

/** The same in SQL, a JSON text, of a stored reminder `r` (a jsonb value). */
const REMINDER_JSON_SQL = `'{' || ${Object.keys(
  reminderJson({
    id: "",
    offset_minutes: null,
    at: null,
    fires_at: "",
    sent_at: null,
    failed_at: null,
    job_id: null,
  }),
)
  .map((key, i) => `'${i === 0 ? "" : ","}"${key}":' || (r->'${key}')::text`)
  .join(" || ")} || '}'`;

/** `column` as `2026-01-31T09:30:00.000Z`, as Date.prototype.toISOString writes it. */
const isoUtc = (column: AnyPgColumn) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const FIELDS: { [K in keyof TaskJson]: Field<K> } = {
  id: { row: (r) => r.id, sql: (t) => sql`${t.id}` },
  user_id: { row: (r) => r.userId, sql: (t) => sql`${t.userId}` },
  title: { row: (r) => r.title, sql: (t) => sql`${t.title}` },
  description: { row: (r) => r.description, sql: (t) => sql`${t.description}` },
  is_completed: { row: (r) => r.isCompleted, sql: (t) => sql`${t.isCompleted}` },
  priority: {
    row: (r) => priorityName(r.priority),
    sql: (t) =>
      sql`(${sql.raw(`array[${PRIORITIES.map((p) => `'${p}'`).join(",")}]`)})[${t.priority} + 1]`,
  },
  due_date: { row: (r) => r.dueDate, sql: (t) => sql`${t.dueDate}` },
  due_time: {
    row: (r) => r.dueTime?.slice(0, 5) ?? null,
    sql: (t) => sql`to_char(${t.dueTime}, 'HH24:MI')`,
  },
  time_zone: { row: (r) => r.timeZone, sql: (t) => sql`${t.timeZone}` },
  due_at: { row: (r) => r.dueAt?.toISOString() ?? null, sql: (t) => isoUtc(t.dueAt) },
  labels: { row: (r) => r.labels, sql: (t) => sql`${t.labels}` },
  recurrence: { row: (r) => r.recurrence, sql: (t) => sql`${t.recurrence}` },
  recurrence_from: { row: (r) => r.recurrenceFrom, sql: (t) => sql`${t.recurrenceFrom}` },
  series_id: {
    row: (r) => r.seriesId ?? (r.recurrence === null ? null : r.id),
    sql: (t) =>
      sql`coalesce(${t.seriesId}, case when ${t.recurrence} is not null then ${t.id} end)`,
  },
  next_occurrence_id: { row: (r) => r.nextOccurrenceId, sql: (t) => sql`${t.nextOccurrenceId}` },
  reminders: {
    row: (r) => r.reminders.map(reminderJson),
    // Most tasks have none: their text is a constant, without a look into the array.
    sql: (t) => ({
      json: sql`case when ${t.reminders} = '[]'::jsonb then '[]' else (select '[' || string_agg(${sql.raw(REMINDER_JSON_SQL)}, ',' order by n) || ']' from jsonb_array_elements(${t.reminders}) with ordinality as x(r, n)) end`,
    }),
  },
  created_at: { row: (r) => r.createdAt.toISOString(), sql: (t) => isoUtc(t.createdAt) },
  updated_at: { row: (r) => r.updatedAt.toISOString(), sql: (t) => isoUtc(t.updatedAt) },
  deleted_at: {
    row: (r) => ("deletedAt" in r ? r.deletedAt.toISOString() : null),
    sql: (t) => ("deletedAt" in t ? isoUtc(t.deletedAt) : null),
  },
};

const entries = Object.entries(FIELDS) as [keyof TaskJson, Field<keyof TaskJson>][];

/** A stored task, live or trashed, as the API answers it. */
export function toTaskJson(row: Row): TaskJson {
  const json: Partial<Record<keyof TaskJson, unknown>> = {};
  for (const [name, field] of entries) json[name] = field.row(row);
  return json as TaskJson;
}

/**
 * The same JSON, as the text JSON.stringify makes of it, computed by Postgres from a row of
 * `table` (to_json escapes strings as JSON.stringify does; json_build_object would add spaces).
 */
function jsonSqlOf(table: Table): SQL<string> {
  const parts = entries.map(([name, field]) => {
    const value = field.sql(table);
    if (value === null) return sql.raw(`'"${name}":null'`);
    return "json" in value
      ? sql`${sql.raw(`'"${name}":'`)} || ${value.json}`
      : sql`${sql.raw(`'"${name}":'`)} || coalesce(to_json(${value})::text, 'null')`;
  });
  return sql<string>`('{' || ${sql.join(parts, sql` || ',' || `)} || '}')`;
}

/** A live task's JSON text (`deleted_at` null), from a row of `tasks`. */
export const taskJsonSql = jsonSqlOf(tasks);

/** A trashed task's JSON text, from a row of `trashed_tasks`. */
export const trashedTaskJsonSql = jsonSqlOf(trashedTasks);
