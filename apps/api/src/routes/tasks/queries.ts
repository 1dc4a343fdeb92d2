import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { type TaskText, tasks, taskText } from "../../db/schema.ts";
import { statements, touched } from "./statements.ts";
import { type CompletionChange, type NewTask, writeBatches } from "./write-batches.ts";

/**
 * Every task query is a plain `(db, params)` function, and every one that reads or writes a task
 * filters by its owner. The only exception, `taskExists`, returns a boolean and is used after an
 * owner-filtered query found nothing, to choose between 403 and 404. Lists are one statement
 * that answers in JSON (list-page.ts); other reads and deletes run prepared statements
 * (statements.ts); creates and completions are batched with concurrent ones (write-batches.ts);
 * `updateTask`, whose SET list depends on the call, is built each time.
 */

export async function findTask(db: Db, params: { userId: string; id: string }) {
  const [row] = await statements(db).find.execute(params);
  return row;
}

export async function taskExists(db: Db, params: { id: string }) {
  const [row] = await statements(db).exists.execute(params);
  return row !== undefined;
}

/**
 * Batched with concurrent creates (write-batches.ts); the owner is always `userId`. Resolves to
 * the new task's id and its JSON as the API answers it.
 */
export function insertTask(db: Db, params: NewTask): Promise<TaskText> {
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
    .returning(taskText);
  return row;
}

/**
 * Sets is_completed, or flips it when `isCompleted` is undefined: the task's id and its JSON as
 * the API answers it, or undefined when the caller has no such task. Batched with concurrent
 * completions (write-batches.ts).
 */
export async function setTaskCompletion(db: Db, params: CompletionChange) {
  return (await writeBatches(db).setCompletion(params)) ?? undefined;
}

/** True when the caller's task was deleted. */
export async function deleteTask(db: Db, params: { userId: string; id: string }) {
  const rows = await statements(db).delete.execute(params);
  return rows.length > 0;
}
