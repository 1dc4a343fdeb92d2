import { eq, type Placeholder, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import {
  deletedUsers,
  idempotencyKeys,
  pushSubscriptions,
  tasks,
  trashedTasks,
} from "../db/schema.ts";
import { type ApiError, DETAIL, unauthorized } from "../lib/errors.ts";

/**
 * Deleted accounts, at no cost on the hot path. A deleted user's token stays valid until it
 * expires, but the user has no rows left: every read of theirs ends in "nothing" (a 404, an
 * empty list), and only there is `deleted_users` asked, before answering, to answer 401
 * `Account deleted` instead. Writes that create rows ask it in their own statement
 * (`accountOpen`), which inserts nothing for a deleted user; only when a create inserted nothing
 * is the table asked again, to tell a deleted account from a full one. No request of a user
 * who still has an account makes an extra query.
 */

/** `DELETE /api/me`'s lock, the one `account_open` (migration 0007) takes shared. */
const ACCOUNT_LOCK = 1684368485;

/** The longest the deletion's statements may take. */
const DELETE_TIMEOUT = "2min";

/** For a create's statement: true while the owner's account may get new rows. */
export const accountOpen = (owner: Placeholder | string): SQL => sql`account_open(${owner})`;

export async function isAccountDeleted(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: deletedUsers.userId })
    .from(deletedUsers)
    .where(eq(deletedUsers.userId, userId));
  return row !== undefined;
}

export const accountDeleted = () => unauthorized(DETAIL.accountDeleted);

/**
 * What an answer of "nothing" (404, 403, an empty list) becomes: 401 for a deleted account,
 * else `otherwise` (an ApiError to throw, or undefined to answer as planned).
 */
export async function unlessAccountDeleted<E extends ApiError | undefined>(
  db: Db,
  userId: string,
  otherwise: E,
): Promise<E | ApiError> {
  return (await isAccountDeleted(db, userId)) ? accountDeleted() : otherwise;
}

/** Throws 401 `Account deleted` when the account is. */
export async function refuseDeletedAccount(db: Db, userId: string): Promise<void> {
  const error = await unlessAccountDeleted(db, userId, undefined);
  if (error) throw error;
}

/**
 * Removes every row of the user and records the account as deleted, in one transaction. The
 * exclusive lock waits for creates already under way and holds back new ones until the commit,
 * after which they find the account deleted (migration 0007). Deleting again changes nothing.
 */
export async function deleteAccount(db: Db, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    // A request's statements are cut at half its deadline; deleting 100,000 tasks (and their
    // index entries) takes longer, and must not be cut half-way round and rolled back each time.
    await tx.execute(sql`set local statement_timeout = ${sql.raw(`'${DELETE_TIMEOUT}'`)}`);
    await tx.execute(sql`select pg_advisory_xact_lock(${ACCOUNT_LOCK}, hashtext(${userId}))`);
    await tx.insert(deletedUsers).values({ userId }).onConflictDoNothing();
    await tx.delete(tasks).where(eq(tasks.userId, userId));
    await tx.delete(trashedTasks).where(eq(trashedTasks.userId, userId));
    await tx.delete(idempotencyKeys).where(eq(idempotencyKeys.userId, userId));
    await tx.delete(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
  });
}
