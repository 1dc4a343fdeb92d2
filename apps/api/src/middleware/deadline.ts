import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../lib/context.ts";
import { withDeadline } from "../lib/deadline.ts";
import { ApiError, DETAIL } from "../lib/errors.ts";

/**
 * After its deadline fires, how long a request's cancelled work may take to settle. A write that
 * completes within it is answered as done (it has committed); else the answer is a 503.
 */
export const SETTLE_MS = 250;

/**
 * Every request answers within `ms` (+ SETTLE_MS): at `ms` its queries that wait for a
 * connection are withdrawn (lib/deadline.ts) and, unless its work settles at once, the answer is
 * 503 with Retry-After. A statement already running ends by the server's statement_timeout; a
 * client that retries with the same Idempotency-Key learns whether its write went through.
 */
export function deadline(ms: number) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const controller = new AbortController();
    const work = withDeadline(controller.signal, next);
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<"expired">((resolve) => {
      timer = setTimeout(resolve, ms, "expired");
    });
    try {
      if ((await Promise.race([work, expired])) !== "expired") return;
    } finally {
      clearTimeout(timer);
    }
    controller.abort();
    const settled = await Promise.race([
      work.then(
        () => "done" as const,
        () => "failed" as const,
      ),
      new Promise<"late">((resolve) => setTimeout(resolve, SETTLE_MS, "late")),
    ]);
    // Hono has already turned a failure inside `next` into its answer: one that is not a fault
    // (the write completed, or was refused for a reason of its own) stands.
    if (settled === "done" && c.res.status < 500) return;
    c.get("log").warn({ deadlineMs: ms, outcome: settled }, "request deadline passed");
    throw new ApiError(503, DETAIL.requestTimedOut, { "Retry-After": "1" });
  });
}
