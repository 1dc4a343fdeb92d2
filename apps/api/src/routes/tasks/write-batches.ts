import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { perDatabase } from "../../db/per-database.ts";
import { type TaskText, tasks, taskText } from "../../db/schema.ts";
import { type Batcher, createBatcher } from "../../lib/batcher.ts";
import { touched } from "./statements.ts";

/**
 * The two writes that come in floods — create, and complete/toggle — coalesced across concurrent
 * requests (lib/batcher.ts): one multi-row statement, one transaction and one commit for every
 * request that arrived while earlier batches were running. Each row is still owned by its own
 * caller: the owner of every inserted row is that request's user, and every update matches the
 * task's id together with its caller's user id. Results go back to each request by task id, as
 * the task's JSON that Postgres keeps with it (`as_json`, byte for byte what the API answers):
 * Node neither parses the row nor serialises it again.
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

/**
 * The two statements, prepared once per database handle. Each takes the whole batch as one JSON
 * parameter (`json_to_recordset`), so its text is the same for any batch size: Postgres parses
 * and plans it once per connection, and a batch is one round trip.
 */
function prepareWrites(db: Db) {
  const batch = sql.placeholder("batch");
  return {
    insert: db
      .insert(tasks)
      .select(
        sql`select id, user_id, title, description, false, now(), now()
          from json_to_recordset(${batch}::json) as batch(id uuid, user_id text, title text, description text)`,
      )
      .returning(taskText)
      .prepare("insert_tasks"),
    // The batch's columns are named apart from the table's so that unqualified names stay the task's.
    setCompletion: db
      .update(tasks)
      .set({
        isCompleted: sql`coalesce(batch.wanted, not ${tasks.isCompleted})`,
        updatedAt: touched,
      })
      .from(
        sql`json_to_recordset(${batch}::json) as batch(task_id uuid, owner_id text, wanted boolean)`,
      )
      .where(
        and(
          // Lets the planner find the rows by primary key: it cannot see into the JSON.
          sql`${tasks.id} = any(${sql.placeholder("ids")}::uuid[])`,
          eq(tasks.id, sql`batch.task_id`),
          eq(tasks.userId, sql`batch.owner_id`),
        ),
      )
      .returning(taskText)
      .prepare("set_tasks_completion"),
  };
}

async function insertMany(
  statements: ReturnType<typeof prepareWrites>,
  items: NewTask[],
): Promise<TaskText[]> {
  const rows = items.map((item) => ({
    id: randomUUID(),
    user_id: item.userId,
    title: item.title,
    description: item.description,
  }));
  const inserted = inOrder(rows, await statements.insert.execute({ batch: JSON.stringify(rows) }));
  if (inserted.includes(null)) throw new Error("INSERT … RETURNING missed a row");
  return inserted as TaskText[];
}

async function setCompletionMany(
  statements: ReturnType<typeof prepareWrites>,
  items: CompletionChange[],
): Promise<(TaskText | null)[]> {
  const batch = items.map((item) => ({
    task_id: item.id,
    owner_id: item.userId,
    wanted: item.isCompleted ?? null,
  }));
  const updated = await statements.setCompletion.execute({
    batch: JSON.stringify(batch),
    // A Postgres array literal: the ids are UUIDs (validated by the route), nothing to escape.
    ids: `{${items.map((item) => item.id).join(",")}}`,
  });
  return inOrder(items, updated);
}

/** Each item's task (matched by id), or null when the statement wrote none for it. */
function inOrder<T extends { id: string }>(items: T[], rows: TaskText[]): (TaskText | null)[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return items.map((item) => byId.get(item.id) ?? null);
}

function writeBatchers(db: Db) {
  const statements = prepareWrites(db);
  return {
    insert: createBatcher((items: NewTask[]) => insertMany(statements, items), {
      maxInFlight: MAX_IN_FLIGHT,
      maxBatchSize: MAX_BATCH_SIZE,
    }),
    setCompletion: createBatcher(
      (items: CompletionChange[]) => setCompletionMany(statements, items),
      {
        maxInFlight: MAX_IN_FLIGHT,
        maxBatchSize: MAX_BATCH_SIZE,
        // A toggle of a task already in this batch waits for the next: each must see the other.
        key: (item) => item.id,
      },
    ),
  } satisfies Record<string, Batcher<never, unknown>>;
}

/** This database handle's write batchers, made on first use. */
export const writeBatches = perDatabase(writeBatchers);
