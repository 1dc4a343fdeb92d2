import { and, eq, getTableColumns, gt, inArray, lte, sql } from "drizzle-orm";
import { accountOpen } from "../accounts/deleted-users.ts";
import type { Db } from "../db/client.ts";
import { type TaskRow, type TrashedTaskRow, tasks, trashedTasks } from "../db/schema.ts";
import type { Logger } from "../lib/logger.ts";
import { inVersions } from "./statements.ts";
import { arrayLiteral } from "./task-writes.ts";

/**
 * The trash: a deleted task waits in `trashed_tasks` for TRASH_DAYS days (the delete itself is
 * statements.ts `remove`), then is gone. Reads and restores treat an older one as absent, and
 * each API process purges them in bounded batches. Every function filters by the owner, except
 * the purge, which deletes only what no one may read any more. Trashed tasks do not count
 * towards the task quota; a restore does, as a create.
 */

export const TRASH_DAYS = 30;

const cutoff = sql`now() - make_interval(days => ${sql.raw(String(TRASH_DAYS))})`;

/** Trashed less than TRASH_DAYS days ago: what the owner still sees. */
export const inTrash = gt(trashedTasks.deletedAt, cutoff);

type Target = { userId: string; id: string; versions?: Date[] | undefined };

const versionsOf = (versions: Date[] | undefined) =>
  versions === undefined ? null : arrayLiteral(versions);

const owned = ({ userId, id }: Target) =>
  and(eq(trashedTasks.id, id), eq(trashedTasks.userId, userId), inTrash);

/** The caller's task in the trash, unless it is older than TRASH_DAYS days. */
export async function findTrashedTask(
  db: Db,
  params: { userId: string; id: string },
): Promise<TrashedTaskRow | undefined> {
  const [row] = await db.select().from(trashedTasks).where(owned(params));
  return row;
}

/** `tasks`' columns, in its order, each from the same column of the trashed row `back`. */
const RESTORED = sql.raw(
  Object.entries(getTableColumns(tasks))
    .map(([key, column]) =>
      key === "updatedAt"
        ? // A restore is a change: a new version, later than the one the trash holds.
          `greatest(now(), "back"."updated_at" + interval '1 millisecond')`
        : `"back"."${column.name}"`,
    )
    .join(", "),
);

/**
 * Moves the caller's trashed task (in a version named) back among their tasks, in one statement,
 * unless they already hold `quota` tasks; the task as it is now, or undefined when nothing moved.
 */
export async function restoreTask(
  db: Db,
  params: Target & { quota: number },
): Promise<TaskRow | undefined> {
  const { userId, quota } = params;
  const held = sql`(select count(*) from (select 1 from ${tasks} where ${tasks.userId} = ${userId}
    limit ${quota}) as held) < ${quota} and ${accountOpen(userId)}`;
  const back = db.$with("back").as(
    db
      .delete(trashedTasks)
      .where(
        and(owned(params), inVersions(versionsOf(params.versions), trashedTasks.updatedAt), held),
      )
      .returning(),
  );
  const [row] = await db
    .with(back)
    .insert(tasks)
    .select(sql`select ${RESTORED} from ${back}`)
    .returning();
  return row;
}

/**
 * Deletes the caller's task for good, live or in the trash (in a version named), in one
 * statement; true when it did.
 */
export async function deleteTaskForever(db: Db, params: Target): Promise<boolean> {
  const { userId, id } = params;
  const versions = versionsOf(params.versions);
  const live = db.$with("live").as(
    db
      .delete(tasks)
      .where(and(eq(tasks.id, id), eq(tasks.userId, userId), inVersions(versions)))
      .returning({ id: tasks.id }),
  );
  const trashed = db.$with("trashed").as(
    db
      .delete(trashedTasks)
      .where(and(owned(params), inVersions(versions, trashedTasks.updatedAt)))
      .returning({ id: trashedTasks.id }),
  );
  const gone = await db
    .with(live, trashed)
    .select({ id: sql<string>`gone.id` })
    .from(sql`(select id from ${live} union all select id from ${trashed}) as gone`);
  return gone.length > 0;
}

/** Deletes everything in the caller's trash; how many tasks went. */
export async function emptyTrash(db: Db, params: { userId: string }): Promise<number> {
  const gone = await db
    .delete(trashedTasks)
    .where(eq(trashedTasks.userId, params.userId))
    .returning({ id: trashedTasks.id });
  return gone.length;
}

/**
 * Deletes up to `batch` trashed tasks older than TRASH_DAYS days, of every user; how many went.
 * Rows another process is purging are skipped, not waited for (skip locked): any number of
 * processes may purge at once.
 */
export async function purgeTrashBatch(db: Db, batch: number): Promise<number> {
  const expired = db
    .select({ id: trashedTasks.id })
    .from(trashedTasks)
    .where(lte(trashedTasks.deletedAt, cutoff))
    .limit(batch)
    .for("update", { skipLocked: true });
  const gone = await db
    .delete(trashedTasks)
    .where(inArray(trashedTasks.id, expired))
    .returning({ id: trashedTasks.id });
  return gone.length;
}

/** Rows per purge statement: each a short one, whatever the backlog. */
export const PURGE_BATCH = 500;

/** Purges batch after batch until none is full or `stopped()`; how many tasks went. */
export async function purgeExpiredTrash(
  db: Db,
  options: { batch?: number; stopped?: () => boolean } = {},
): Promise<number> {
  const { batch = PURGE_BATCH, stopped = () => false } = options;
  let total = 0;
  for (;;) {
    const deleted = await purgeTrashBatch(db, batch);
    total += deleted;
    if (deleted < batch || stopped()) return total;
  }
}

/** How often each API process purges the trash (several processes: they share the work). */
export const PURGE_INTERVAL_MS = 60 * 60_000;

/**
 * Purges within the first minute (at a random moment, so that replicas started together do not
 * all purge at once), then once an interval, until the returned function is called; that
 * resolves once a purge under way has finished its batch. A failure is logged, not fatal.
 */
export function purgeExpiredTrashRegularly(
  db: Db,
  logger: Logger,
  timing: { firstMs?: number; intervalMs?: number } = {},
): () => Promise<void> {
  const { firstMs = Math.random() * 60_000, intervalMs = PURGE_INTERVAL_MS } = timing;
  let stopped = false;
  let running: Promise<void> | undefined;
  const purge = () => {
    if (running !== undefined) return;
    running = purgeExpiredTrash(db, { stopped: () => stopped })
      .then(
        (deleted) => {
          if (deleted > 0)
            logger.info({ deleted }, `trashed tasks older than ${TRASH_DAYS} days deleted`);
        },
        (error: unknown) => logger.warn({ err: error }, "purging the trash failed"),
      )
      .finally(() => {
        running = undefined;
      });
  };
  const first = setTimeout(() => {
    purge();
    every.refresh();
  }, firstMs);
  const every = setInterval(purge, intervalMs);
  first.unref();
  every.unref();
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(every);
    await running;
  };
}
