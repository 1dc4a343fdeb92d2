import { bigint, integer, pgTable, text } from "drizzle-orm/pg-core";

/**
 * Sign-in attempts per account in the current window (sign-in-limit.ts). Ours, not Better Auth's:
 * `schema.ts` is generated from its options, and its `rate_limit` rows are pruned after its own
 * windows (a minute here), shorter than this one.
 */
export const signInAttempt = pgTable("sign_in_attempt", {
  /** SHA-256 of the lowercased email: no address is kept, registered or not. */
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  /** Milliseconds since the epoch, as Better Auth's own rate-limit rows keep time. */
  windowStart: bigint("window_start", { mode: "number" }).notNull(),
});
