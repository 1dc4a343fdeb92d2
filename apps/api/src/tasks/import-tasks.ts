import { eq, sql } from "drizzle-orm";
import { accountDeleted, accountOpen } from "../accounts/deleted-users.ts";
import type { Db } from "../db/client.ts";
import { tasks } from "../db/schema.ts";
import type { ImportedTask } from "../import/import-result.ts";
import { ApiError, DETAIL } from "../lib/errors.ts";
import { withThousands } from "../lib/format.ts";
import { taskFields } from "../routes/tasks/task-body.ts";
import { storedColumns } from "./task-writes.ts";

/** The advisory lock (with the user's hash) that puts a user's imports one after the other. */
const IMPORT_LOCK = 1_769_172_850;

/** Rows per insert statement: well under Postgres' 65,535 parameters for 17 columns. */
const INSERT_BATCH = 1000;

/**
 * Creates the imported tasks, all or none, in one transaction: refused when the account was
 * deleted (401) or when they would take the user past `quota` tasks (403). The first task of the
 * file is the newest (a millisecond apart each), so an export of them lists them in the file's order.
 */
export async function importTasks(
  db: Db,
  params: { userId: string; quota: number; tasks: readonly ImportedTask[] },
): Promise<number> {
  const { userId, quota } = params;
  return db.transaction(async (tx) => {
    // One import of a user at a time: each counts what the one before it committed, so two at once
    // cannot together pass the quota. (Single creates may still slip in beside one, as they may
    // beside each other: see insertTask.)
    await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK}, hashtext(${userId}))`);
    // account_open takes the account's lock shared, so a deletion waits for the commit.
    const [state] = await tx
      .select({ open: accountOpen(userId).mapWith(Boolean), held: sql<number>`count(*)::int` })
      .from(tasks)
      .where(eq(tasks.userId, userId));
    if (!state?.open) throw accountDeleted();
    if (state.held + params.tasks.length > quota) {
      throw new ApiError(403, DETAIL.importOverQuota(withThousands(quota), state.held));
    }
    const rows = params.tasks.map((task, index) => {
      const fields = taskFields(task);
      const stored = { ...storedColumns(fields), title: fields.title };
      const createdAt = sql`now() - ${index} * interval '1 millisecond'`;
      const isCompleted = task.is_completed;
      return { ...stored, userId, isCompleted, createdAt, updatedAt: createdAt };
    });
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      await tx.insert(tasks).values(rows.slice(start, start + INSERT_BATCH));
    }
    return rows.length;
  });
}
