import { randomUUID } from "node:crypto";
import { and, eq, getTableColumns, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { type TaskRow, tasks } from "../../db/schema.ts";
import { type Batcher, createBatcher } from "../../lib/batcher.ts";
import { touched } from "./statements.ts";

/**
 * The two writes that come in floods — create, and complete/toggle — coalesced across concurrent
 * requests (lib/batcher.ts): one multi-row statement, one transaction and one commit for every
 * request that arrived while earlier batches were running. Each row is still owned by its own
 * caller: the owner of every inserted row is that request's user, and every update matches the
 * task's id together with its caller's user id. Results go back to each request by task id.
 */

export type NewTask = { userId: string; title: string; description: string | null };
export type CompletionChange = { userId: string; id: string; isCompleted?: boolean | undefined };

/**
 * Batches in flight per process at most: fewer than the pool's connections, so reads always find
 * one, and few enough that a flood leaves in large batches.
 */
const MAX_IN_FLIGHT = 3;
/** Rows per statement at most (each row is 3–4 parameters; Postgres allows 65,535). */
const MAX_BATCH_SIZE = 128;

async function insertMany(db: Db, items: NewTask[]): Promise<TaskRow[]> {
  const rows = items.map((item) => ({ id: randomUUID(), ...item }));
  const inserted = inOrder(rows, await db.insert(tasks).values(rows).returning());
  if (inserted.includes(null)) throw new Error("INSERT … RETURNING missed a row");
  return inserted as TaskRow[];
}

async function setCompletionMany(db: Db, items: CompletionChange[]): Promise<(TaskRow | null)[]> {
  const values = sql.join(
    items.map(
      (item) => sql`(${item.id}::uuid, ${item.userId}, ${item.isCompleted ?? null}::boolean)`,
    ),
    sql`, `,
  );
  // The batch's columns are named apart from the table's so that unqualified names stay the task's.
  const updated = await db
    .update(tasks)
    .set({
      isCompleted: sql`coalesce(batch.wanted, not ${tasks.isCompleted})`,
      updatedAt: touched,
    })
    .from(sql`(values ${values}) as batch(task_id, owner_id, wanted)`)
    .where(and(eq(tasks.id, sql`batch.task_id`), eq(tasks.userId, sql`batch.owner_id`)))
    .returning(getTableColumns(tasks));
  return inOrder(items, updated);
}

/** Each item's row (matched by task id), or null when the statement wrote none for it. */
function inOrder<T extends { id: string }>(items: T[], rows: TaskRow[]): (TaskRow | null)[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return items.map((item) => byId.get(item.id) ?? null);
}

function writeBatchers(db: Db) {
  return {
    insert: createBatcher((items: NewTask[]) => insertMany(db, items), {
      maxInFlight: MAX_IN_FLIGHT,
      maxBatchSize: MAX_BATCH_SIZE,
    }),
    setCompletion: createBatcher((items: CompletionChange[]) => setCompletionMany(db, items), {
      maxInFlight: MAX_IN_FLIGHT,
      maxBatchSize: MAX_BATCH_SIZE,
      // A toggle of a task already in this batch waits for the next: each must see the other.
      key: (item) => item.id,
    }),
  } satisfies Record<string, Batcher<never, unknown>>;
}

const batchers = new WeakMap<Db, ReturnType<typeof writeBatchers>>();

/** This database handle's write batchers, made on first use. */
export function writeBatches(db: Db): ReturnType<typeof writeBatchers> {
  let found = batchers.get(db);
  if (!found) {
    found = writeBatchers(db);
    batchers.set(db, found);
  }
  return found;
}
