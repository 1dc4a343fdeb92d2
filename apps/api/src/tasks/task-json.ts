import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { type TaskRow, tasks } from "../db/schema.ts";
import type { TaskJson } from "../routes/tasks/task.types.ts";
import { PRIORITIES, priorityName } from "./fields.ts";

/**
 * A task's JSON, defined once: for each field of the `Task` schema, how a stored row gives it in
 * TypeScript (one task: `toTaskJson`) and in SQL (a page of tasks: `taskJsonSql`, so that Postgres
 * hands over each task as its JSON text instead of fourteen columns for Node to decode, map and
 * serialise again, which cost a list ~4× the API's CPU). The type makes each side name every
 * schema field; task-json.test.ts proves both give the same JSON. A new field is one entry here.
 */
type Field<K extends keyof TaskJson> = { row: (row: TaskRow) => TaskJson[K]; sql: SQL };

/** `column` as `2026-01-31T09:30:00.000Z`, as Date.prototype.toISOString writes it. */
const isoUtc = (column: AnyPgColumn) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const FIELDS: { [K in keyof TaskJson]: Field<K> } = {
  id: { row: (r) => r.id, sql: sql`${tasks.id}` },
  user_id: { row: (r) => r.userId, sql: sql`${tasks.userId}` },
  title: { row: (r) => r.title, sql: sql`${tasks.title}` },
  description: { row: (r) => r.description, sql: sql`${tasks.description}` },
  is_completed: { row: (r) => r.isCompleted, sql: sql`${tasks.isCompleted}` },
  priority: {
    row: (r) => priorityName(r.priority),
    sql: sql`(${sql.raw(`array[${PRIORITIES.map((p) => `'${p}'`).join(",")}]`)})[${tasks.priority} + 1]`,
  },
  due_date: { row: (r) => r.dueDate, sql: sql`${tasks.dueDate}` },
  due_time: {
    row: (r) => r.dueTime?.slice(0, 5) ?? null,
    sql: sql`to_char(${tasks.dueTime}, 'HH24:MI')`,
  },
  time_zone: { row: (r) => r.timeZone, sql: sql`${tasks.timeZone}` },
  due_at: { row: (r) => r.dueAt?.toISOString() ?? null, sql: isoUtc(tasks.dueAt) },
  labels: { row: (r) => r.labels, sql: sql`${tasks.labels}` },
  recurrence: { row: (r) => r.recurrence, sql: sql`${tasks.recurrence}` },
  recurrence_from: { row: (r) => r.recurrenceFrom, sql: sql`${tasks.recurrenceFrom}` },
  series_id: {
    row: (r) => r.seriesId ?? (r.recurrence === null ? null : r.id),
    sql: sql`coalesce(${tasks.seriesId}, case when ${tasks.recurrence} is not null then ${tasks.id} end)`,
  },
  next_occurrence_id: { row: (r) => r.nextOccurrenceId, sql: sql`${tasks.nextOccurrenceId}` },
  created_at: { row: (r) => r.createdAt.toISOString(), sql: isoUtc(tasks.createdAt) },
  updated_at: { row: (r) => r.updatedAt.toISOString(), sql: isoUtc(tasks.updatedAt) },
};

const entries = Object.entries(FIELDS) as [keyof TaskJson, Field<keyof TaskJson>][];

/** A stored task as the API answers it. */
export function toTaskJson(row: TaskRow): TaskJson {
  const json: Partial<Record<keyof TaskJson, unknown>> = {};
  for (const [name, field] of entries) json[name] = field.row(row);
  return json as TaskJson;
}

/**
 * The same JSON, as the text JSON.stringify makes of it, computed by Postgres from a row of
 * `tasks` (to_json escapes strings as JSON.stringify does; json_build_object would add spaces).
 */
export const taskJsonSql: SQL<string> = sql<string>`('{' || ${sql.join(
  entries.map(
    ([name, field]) =>
      sql`${sql.raw(`'"${name}":'`)} || coalesce(to_json(${field.sql})::text, 'null')`,
  ),
  sql` || ',' || `,
)} || '}')`;
