import { createHash } from "node:crypto";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { eq, lte, sql } from "drizzle-orm";
import type { Database } from "./db";
import { signInAttempt } from "./db/sign-in-attempt-schema";

export const SIGN_IN_LIMIT_CODE = "TOO_MANY_SIGN_IN_ATTEMPTS";

export type SignInLimitOptions = {
  db: Database;
  /** Attempts allowed per account and window; the next one is refused. */
  max: number;
  windowSeconds: number;
};

const SIGN_IN_PATH = "/sign-in/email";

/** The account's key: no email address is stored, registered or not. */
const accountKey = (email: string) =>
  createHash("sha256").update(email.trim().toLowerCase()).digest("hex");

/**
 * Counts one attempt for the account in one statement (atomic across replicas sharing the
 * database) and returns the count and when the window began. A window that has ended starts again.
 */
async function countAttempt(db: Database, key: string, now: number, windowMs: number) {
  const ended = sql`${signInAttempt.windowStart} <= ${now - windowMs}`;
  const [row] = await db
    .insert(signInAttempt)
    .values({ key, count: 1, windowStart: now })
    .onConflictDoUpdate({
      target: signInAttempt.key,
      set: {
        count: sql`case when ${ended} then 1 else ${signInAttempt.count} + 1 end`,
        windowStart: sql`case when ${ended} then ${now} else ${signInAttempt.windowStart} end`,
      },
    })
    .returning({ count: signInAttempt.count, windowStart: signInAttempt.windowStart });
  if (row === undefined) throw new Error("sign-in attempt not counted");
  // A new window: rows whose window has ended are kept no longer.
  if (row.count === 1) {
    await db.delete(signInAttempt).where(lte(signInAttempt.windowStart, now - windowMs));
  }
  return row;
}

/**
 * At most `max` sign-in attempts per account and window, whichever addresses they come from, so
 * rotating addresses cannot brute-force one password; a successful sign-in starts the count
 * again. The per-address limit is Better Auth's own; this one is counted before the password is
 * checked, and unknown emails are counted like registered ones (the answer says nothing about
 * which exist).
 */
export function signInLimit({ db, max, windowSeconds }: SignInLimitOptions): BetterAuthPlugin {
  const windowMs = windowSeconds * 1000;
  const emailOf = (body: unknown) => {
    const email = (body as { email?: unknown } | undefined)?.email;
    return typeof email === "string" && email.trim() !== "" ? email : undefined;
  };
  return {
    id: "sign-in-limit",
    hooks: {
      before: [
        {
          matcher: (context) => context.path === SIGN_IN_PATH,
          handler: createAuthMiddleware(async (ctx) => {
            const email = emailOf(ctx.body);
            if (email === undefined) return;
            const now = Date.now();
            const { count, windowStart } = await countAttempt(db, accountKey(email), now, windowMs);
            if (count <= max) return;
            const seconds = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
            const minutes = Math.ceil(seconds / 60);
            throw new APIError(
              "TOO_MANY_REQUESTS",
              {
                code: SIGN_IN_LIMIT_CODE,
                message: `Too many sign-in attempts for this account. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`,
              },
              { "Retry-After": String(seconds) },
            );
          }),
        },
      ],
      after: [
        {
          matcher: (context) => context.path === SIGN_IN_PATH,
          handler: createAuthMiddleware(async (ctx) => {
            const email = emailOf(ctx.body);
            if (ctx.context.newSession === null || email === undefined) return;
            await db.delete(signInAttempt).where(eq(signInAttempt.key, accountKey(email)));
          }),
        },
      ],
    },
  };
}
