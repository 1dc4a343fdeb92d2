import { and, desc, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { pushSubscriptions } from "../db/schema.ts";
import type { PushTarget } from "./send-push.ts";

/** The most browsers one user keeps subscribed; a new one past it replaces the longest unused. */
export const SUBSCRIPTIONS_MAX = 20;

/**
 * Stores the browser's subscription for the user: a known endpoint (this browser again, or one
 * another user had) is updated and becomes theirs.
 */
export async function saveSubscription(db: Db, params: PushTarget & { userId: string }) {
  const { endpoint, userId, p256dh, auth } = params;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(pushSubscriptions)
      .values({ endpoint, userId, p256dh, auth })
      .onConflictDoUpdate({
        target: pushSubscriptions.endpoint,
        set: { userId, p256dh, auth, updatedAt: sql`now()` },
      })
      .returning();
    const kept = tx
      .select({ endpoint: pushSubscriptions.endpoint })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, userId))
      .orderBy(desc(pushSubscriptions.updatedAt))
      .limit(SUBSCRIPTIONS_MAX);
    await tx
      .delete(pushSubscriptions)
      .where(
        and(eq(pushSubscriptions.userId, userId), notInArray(pushSubscriptions.endpoint, kept)),
      );
    return row;
  });
}

/** Removes the user's subscription of this endpoint; true when there was one. */
export async function deleteSubscription(db: Db, params: { userId: string; endpoint: string }) {
  const rows = await db
    .delete(pushSubscriptions)
    .where(
      and(
        eq(pushSubscriptions.endpoint, params.endpoint),
        eq(pushSubscriptions.userId, params.userId),
      ),
    )
    .returning({ endpoint: pushSubscriptions.endpoint });
  return rows.length > 0;
}

/** Where each of these users' pushes go. */
export async function subscriptionsOf(
  db: Db,
  params: { userIds: readonly string[] },
): Promise<Map<string, PushTarget[]>> {
  const rows = await db
    .select({
      userId: pushSubscriptions.userId,
      endpoint: pushSubscriptions.endpoint,
      p256dh: pushSubscriptions.p256dh,
      auth: pushSubscriptions.auth,
    })
    .from(pushSubscriptions)
    .where(inArray(pushSubscriptions.userId, [...params.userIds]));
  const targets = new Map<string, PushTarget[]>();
  for (const { userId, ...target } of rows) {
    targets.set(userId, [...(targets.get(userId) ?? []), target]);
  }
  return targets;
}

/** Forgets a subscription its push service says is gone (404 or 410), whoever held it. */
export async function forgetSubscription(db: Db, params: { endpoint: string }) {
  await db.delete(pushSubscriptions).where(eq(pushSubscriptions.endpoint, params.endpoint));
}
