import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Each request's deadline, as an AbortSignal that fires when the request has run out of time
 * (middleware/deadline.ts). The database client reads it for every query it sends on the
 * request's behalf (db/hooked-client.ts): a query still waiting for a connection (e.g. while
 * the server is unreachable) is never sent. A statement already running is bounded by the
 * server's own statement_timeout (the same length, db/client.ts), not cancelled from here:
 * postgres.js's cancel request, sent while the server restarts, left requests hanging.
 */
const scope = new AsyncLocalStorage<AbortSignal>();

/** Runs `work` with `signal` as the deadline of every query it makes, however deep. */
export function withDeadline<T>(signal: AbortSignal, work: () => T): T {
  return scope.run(signal, work);
}

/**
 * Withdraws `query` when the current deadline fires, or at once if it already has, unless it has
 * been handed to a connection (postgres.js sets its `state` then).
 */
export function cancelOnDeadline(query: { cancel(): unknown; state?: unknown }): void {
  const signal = scope.getStore();
  if (signal === undefined) return;
  const cancel = () => {
    // postgres.js rejects the withdrawn query itself (57014, query_canceled).
    if (!query.state) Promise.resolve(query.cancel()).catch(() => {});
  };
  if (signal.aborted) cancel();
  else signal.addEventListener("abort", cancel, { once: true });
}
