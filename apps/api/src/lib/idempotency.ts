import { createHash } from "node:crypto";
import { z } from "@hono/zod-openapi";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { idempotencyKeys } from "../db/schema.ts";
import { ApiError, DETAIL } from "./errors.ts";
import type { Logger } from "./logger.ts";

/**
 * `Idempotency-Key` (draft-ietf-httpapi-idempotency-key-header) on the writes a client may need
 * to retry without knowing whether the first attempt went through. The first answer with a key
 * is stored, for 24 hours, in the same transaction as the write: a write and its stored answer
 * commit together or not at all, so a retry either replays the answer of a write that happened
 * or does the write. A transaction-scoped advisory lock on (user, key) tells a retry that comes
 * while the first attempt still runs (409); the same key with another request is a 422.
 */

export const IDEMPOTENCY_TTL_HOURS = 24;

/** What a write answers, as a replay repeats it: status, the headers that matter, the body. */
export type WriteAnswer = { status: 200 | 201; headers: Record<string, string>; body: string };

/** The key as a Structured Field string (`"…"`, as the draft writes it) or a bare token. */
const QUOTED = /^"((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\["\\])*)"$/;
const BARE = /^[\x21-\x7e]+$/;

export const IdempotencyKeyHeaderSchema = z.object({
  "idempotency-key": z
    .string()
    .transform((value, ctx) => {
      const quoted = QUOTED.exec(value)?.[1]?.replace(/\\(["\\])/g, "$1");
      const key = quoted ?? (BARE.test(value) ? value : undefined);
      if (key === undefined || key.length === 0 || key.length > 255) {
        ctx.addIssue({
          code: "custom",
          message:
            'Idempotency-Key should be a string of 1–255 printable ASCII characters, e.g. "8e03978e-40d5-43e8-bc93-6894a57f9324"',
          params: { type: "value_error" },
        });
        return z.NEVER;
      }
      return key;
    })
    .optional()
    .openapi({
      param: { name: "idempotency-key", in: "header" },
      description:
        "Makes a retry safe: the first answer with this key is kept for 24 hours and replayed " +
        "(with `Idempotent-Replayed: true`) to any retry with the same key and the same request.",
      example: '"8e03978e-40d5-43e8-bc93-6894a57f9324"',
    }),
});

/** What identifies a request for its key: method, path and the validated body. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method} ${path}\n${JSON.stringify(body ?? null)}`)
    .digest("base64url");
}

/**
 * Runs `write` once per (user, key): without a key, as is; with one, in a transaction that also
 * stores its answer, or replays the answer stored by an earlier attempt. Errors (any ApiError,
 * a lost connection) store nothing: the transaction rolls back with the write.
 */
export async function idempotent<A extends WriteAnswer>(
  db: Db,
  request: { userId: string; key: string | undefined; fingerprint: string },
  write: (db: Db) => Promise<A>,
): Promise<A & { replayed: boolean }> {
  const { userId, key, fingerprint } = request;
  if (key === undefined) return { ...(await write(db)), replayed: false };
  return db.transaction(async (tx) => {
    const [lock] = await tx
      .select({
        held: sql<boolean>`pg_try_advisory_xact_lock(hashtextextended(${`${userId.length}:${userId}:${key}`}, 0))`,
      })
      .from(sql`(values (1)) as one(x)`);
    if (!lock?.held) {
      throw new ApiError(409, DETAIL.idempotencyKeyInFlight, { "Retry-After": "1" });
    }
    const [stored] = await tx
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key), live()));
    if (stored !== undefined) {
      if (stored.fingerprint !== fingerprint) throw new ApiError(422, DETAIL.idempotencyKeyReused);
      // Stored by this same route (the fingerprint holds the method and path): the same type.
      const replay = {
        status: stored.status,
        headers: JSON.parse(stored.headers) as Record<string, string>,
        body: stored.body,
      } as A;
      return { ...replay, replayed: true };
    }
    const answer = await write(tx);
    const row = {
      userId,
      key,
      fingerprint,
      status: answer.status,
      headers: JSON.stringify(answer.headers),
      body: answer.body,
      createdAt: sql`now()`,
    };
    // A row for this key can only be an expired one here: it is replaced.
    await tx
      .insert(idempotencyKeys)
      .values(row)
      .onConflictDoUpdate({ target: [idempotencyKeys.userId, idempotencyKeys.key], set: row });
    return { ...answer, replayed: false };
  });
}

const expiry = sql`now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`;
const live = () => gt(idempotencyKeys.createdAt, expiry);

/** Deletes the answers older than 24 hours; how many went. */
export async function sweepIdempotencyKeys(db: Db): Promise<number> {
  const gone = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, expiry))
    .returning({ key: idempotencyKeys.key });
  return gone.length;
}

/** How often each API process deletes the expired answers (several processes: harmless repeats). */
export const SWEEP_INTERVAL_MS = 60 * 60_000;

/** Sweeps once an interval until the returned function is called; a failure is logged, not fatal. */
export function sweepIdempotencyKeysRegularly(db: Db, logger: Logger): () => void {
  const timer = setInterval(() => {
    sweepIdempotencyKeys(db).then(
      (deleted) => logger.debug({ deleted }, "expired idempotency answers deleted"),
      (error: unknown) => logger.warn({ err: error }, "sweeping idempotency answers failed"),
    );
  }, SWEEP_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
