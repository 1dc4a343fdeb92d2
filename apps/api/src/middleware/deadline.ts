import { createMiddleware } from "hono/factory";
import { statementTimeoutFor } from "../db/client.ts";
import type { AppEnv } from "../lib/context.ts";
import { withDeadline } from "../lib/deadline.ts";
import { ApiError, DETAIL } from "../lib/errors.ts";

/** How much longer than a statement's timeout the deadline waits for its outcome to arrive. */
const SETTLE_MARGIN_MS = 100;

/**
 * Route middleware of every task route, last (after the body has arrived, so a slow upload is
 * not counted): the route answers by its deadline `ms` (REQUEST_TIMEOUT_MS) plus `settleMs` (the
 * statement timeout, half of it, plus SETTLE_MARGIN_MS), with what really happened. At `ms`
 * its queries still waiting for a connection (the server is unreachable, the pool is full) are
 * withdrawn (lib/deadline.ts), so they never run; a statement already running ends by the
 * server's statement_timeout, which `settleMs` outlasts. The work's own answer then stands,
 * unless it is a fault: the answer is 503 with Retry-After, and nothing was written. Only a
 * connection that hangs (no answer, no error) leaves the outcome unknown at `ms + settleMs`; a
 * client that retries with the same Idempotency-Key learns whether its write went through.
 */
export const deadline = createMiddleware<AppEnv>(async (c, next) => {
  const ms = c.get("config").requestTimeoutMs;
  const settleMs = statementTimeoutFor(ms) + SETTLE_MARGIN_MS;
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
  let settleTimer: NodeJS.Timeout | undefined;
  const settled = await Promise.race([
    work.then(
      () => "done" as const,
      () => "failed" as const,
    ),
    new Promise<"late">((resolve) => {
      settleTimer = setTimeout(resolve, settleMs, "late");
    }),
  ]);
  clearTimeout(settleTimer);
  // Hono has already turned a failure inside `next` into its answer: one that is not a fault
  // (the write completed, or was refused for a reason of its own) stands.
  if (settled === "done" && c.res.status < 500) return;
  c.get("log").warn({ deadlineMs: ms, outcome: settled }, "request deadline passed");
  throw new ApiError(503, DETAIL.requestTimedOut, { "Retry-After": "1" });
});
