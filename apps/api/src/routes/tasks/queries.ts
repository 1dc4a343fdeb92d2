import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { type TaskRow, tasks } from "../../db/schema.ts";
import type { Cursor } from "./cursor.ts";
import type { TaskStatus } from "./schema.ts";
import { statements, touched } from "./statements.ts";
import { type CompletionChange, type NewTask, writeBatches } from "./write-batches.ts";

/**
 * Every task query is a plain `(db, params)` function, and every one that reads or writes a task
 * filters by its owner. The only exception, `taskExists`, returns a boolean and is used after an
 * owner-filtered query found nothing, to choose between 403 and 404. Reads and deletes run
 * prepared statements (statements.ts); creates and completions are batched with concurrent ones
 * (write-batches.ts); `updateTask`, whose SET list depends on the call, is built each time.
 */

export async function listTasks(
  db: Db,
  params: { userId: string; status: TaskStatus; limit: number; after?: Cursor },
): Promise<{ tasks: TaskRow[]; next: Cursor | undefined }> {
  const { after, userId, limit } = params;
  const list = statements(db).list[params.status];
  const rows = after
    ? await list.after.execute({
        userId,
        limit: limit + 1,
        afterCreatedAt: after.createdAt.toISOString(),
        afterId: after.id,
      })
    : await list.first.execute({ userId, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    tasks: page,
    next: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : undefined,
  };
}

export async function countTasks(db: Db, params: { userId: string; status: TaskStatus }) {
  const [row] = await statements(db).count[params.status].execute({ userId: params.userId });
  return row?.total ?? 0;
}

export async function findTask(db: Db, params: { userId: string; id: string }) {
  const [row] = await statements(db).find.execute(params);
  return row;
}

export async function taskExists(db: Db, params: { id: string }) {
  const [row] = await statements(db).exists.execute(params);
  return row !== undefined;
}

/** Batched with concurrent creates (write-batches.ts); the owner is always `userId`. */
export function insertTask(db: Db, params: NewTask): Promise<TaskRow> {
  return writeBatches(db).insert(params);
}

export type TaskChanges = {
  title?: string;
  description?: string | null;
  isCompleted?: boolean;
};

/** Applies the given fields (undefined = unchanged); undefined when the caller has no such task. */
export async function updateTask(
  db: Db,
  params: { userId: string; id: string; changes: TaskChanges },
) {
  const { title, description, isCompleted } = params.changes;
  const [row] = await db
    .update(tasks)
    .set({
      ...(title === undefined ? {} : { title }),
      ...(description === undefined ? {} : { description }),
      ...(isCompleted === undefined ? {} : { isCompleted }),
      updatedAt: touched,
    })
    .where(and(eq(tasks.id, params.id), eq(tasks.userId, params.userId)))
    .returning();
  return row;
}

/**
 * Sets is_completed, or flips it when `isCompleted` is undefined; undefined when the caller has
 * no such task. Batched with concurrent completions (write-batches.ts).
 */
export async function setTaskCompletion(db: Db, params: CompletionChange) {
  return (await writeBatches(db).setCompletion(params)) ?? undefined;
}

/** True when the caller's task was deleted. */
export async function deleteTask(db: Db, params: { userId: string; id: string }) {
  const rows = await statements(db).delete.execute(params);
  return rows.length > 0;
}
