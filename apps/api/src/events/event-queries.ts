import { and, asc, eq, gt, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { taskEvents, tasks } from "../db/schema.ts";
import { listLabels, toLabelJson } from "../tasks/labels.ts";
import { taskJsonSql } from "../tasks/task-json.ts";

/** How long events are kept for a stream that reconnects with `Last-Event-ID`. */
export const RESUME_WINDOW_MS = 5 * 60_000;

/** The most missed events a reconnecting stream is sent; past that it is told to resync. */
const RESUME_MAX = 1000;

/** An event as a stream sends it: `data` is the task's JSON, `{"id"}` or the labels' JSON. */
export type LiveEvent = { id: number; type: string; data: string };

type EventRow = { id: number; type: string; taskId: string | null; task: string | null };

const columns = {
  id: taskEvents.id,
  type: taskEvents.type,
  taskId: taskEvents.taskId,
  task: sql<string | null>`case when ${tasks.id} is null then null else ${taskJsonSql} end`,
};

/** The user's own task, if it still exists: a created or updated task's data is its JSON now. */
const ownTask = and(eq(tasks.id, taskEvents.taskId), eq(tasks.userId, taskEvents.userId));

/**
 * The rows as events: a task created or updated since deleted is left out (its deletion follows);
 * `labels.changed` carries the user's labels as `GET /api/labels` answers them.
 */
async function toEvents(db: Db, userId: string, rows: EventRow[]): Promise<LiveEvent[]> {
  const labels = rows.some((row) => row.type === "labels.changed")
    ? JSON.stringify((await listLabels(db, { userId })).map(toLabelJson))
    : "[]";
  return rows.flatMap((row): LiveEvent[] => {
    if (row.type === "labels.changed") return [{ id: row.id, type: row.type, data: labels }];
    if (row.type === "task.deleted") {
      return [{ id: row.id, type: row.type, data: JSON.stringify({ id: row.taskId }) }];
    }
    return row.task === null ? [] : [{ id: row.id, type: row.type, data: row.task }];
  });
}

/**
 * The id of the user's latest event, or of anyone's without a user (0 without any): where a new
 * stream starts, and where the safety-net poll has read up to.
 */
export async function lastEventId(db: Db, params: { userId?: string }): Promise<number> {
  const [row] = await db
    .select({ last: sql<number>`coalesce(max(${taskEvents.id}), 0)`.mapWith(Number) })
    .from(taskEvents)
    .where(params.userId === undefined ? undefined : eq(taskEvents.userId, params.userId));
  return row?.last ?? 0;
}

/**
 * The user's events after `after`, in order, for the live streams: "resync" when more than
 * RESUME_MAX are new (e.g. an import); `last` is the newest id read, the next call's `after`.
 */
export async function eventsSince(
  db: Db,
  params: { userId: string; after: number },
): Promise<{ events: LiveEvent[] | "resync"; last: number }> {
  const rows = await db
    .select(columns)
    .from(taskEvents)
    .leftJoin(tasks, ownTask)
    .where(and(eq(taskEvents.userId, params.userId), gt(taskEvents.id, params.after)))
    .orderBy(asc(taskEvents.id))
    .limit(RESUME_MAX + 1);
  if (rows.length > RESUME_MAX) {
    return { events: "resync", last: await lastEventId(db, params) };
  }
  return { events: await toEvents(db, params.userId, rows), last: rows.at(-1)?.id ?? params.after };
}

/**
 * Each user with events after `after`, and the newest id: what a replica's safety-net poll reads
 * to find changes no announcement told it about (a writer that stopped before announcing).
 */
export async function recentEventUsers(
  db: Db,
  params: { after: number },
): Promise<{ userId: string; last: number }[]> {
  return db
    .select({
      userId: taskEvents.userId,
      last: sql<number>`max(${taskEvents.id})`.mapWith(Number),
    })
    .from(taskEvents)
    .where(gt(taskEvents.id, params.after))
    .groupBy(taskEvents.userId);
}

/** Tells every replica, through NOTIFY on `channel`, that these users' tasks changed. */
export async function announceUsers(db: Db, params: { channel: string; userIds: string[] }) {
  await db.execute(
    sql`select pg_notify(${params.channel}, u) from json_array_elements_text(${JSON.stringify(params.userIds)}::json) as u`,
  );
}

/**
 * The user's events after `lastId`, for a stream that reconnects: "resync" when that event is not
 * the user's or is older than RESUME_WINDOW_MS (others may be gone), or when too many were missed.
 */
export async function eventsAfter(
  db: Db,
  params: { userId: string; lastId: number },
): Promise<LiveEvent[] | "resync"> {
  const { userId, lastId } = params;
  const [known] = await db
    .select({ id: taskEvents.id })
    .from(taskEvents)
    .where(
      and(
        eq(taskEvents.id, lastId),
        eq(taskEvents.userId, userId),
        gt(taskEvents.createdAt, sql`now() - make_interval(secs => ${RESUME_WINDOW_MS / 1000})`),
      ),
    );
  if (known === undefined) return "resync";
  const rows = await db
    .select(columns)
    .from(taskEvents)
    .leftJoin(tasks, ownTask)
    .where(and(eq(taskEvents.userId, userId), gt(taskEvents.id, lastId)))
    .orderBy(asc(taskEvents.id))
    .limit(RESUME_MAX + 1);
  if (rows.length > RESUME_MAX) return "resync";
  return toEvents(db, userId, rows);
}

/** Deletes events older than twice the resume window; how many. */
export async function pruneEvents(db: Db): Promise<number> {
  const gone = await db
    .delete(taskEvents)
    .where(
      lt(
        taskEvents.createdAt,
        sql`now() - make_interval(secs => ${(2 * RESUME_WINDOW_MS) / 1000})`,
      ),
    )
    .returning({ id: taskEvents.id });
  return gone.length;
}
