import cluster from "node:cluster";
import {
  LISTENER_CLOSED_MESSAGE,
  SHUTDOWN_MESSAGE,
  STOP_LISTENING_MESSAGE,
  STOP_REQUEST_MESSAGE,
} from "./cluster.ts";
import type { Lifecycle } from "./lib/lifecycle.ts";
import type { Logger } from "./lib/logger.ts";
import type { RunningServer } from "./server.ts";

/** When an HTTP process is asked to stop listening, then to close its connections. */
export type StopRequests = {
  /** Resolves with what asked: a signal's name, or "primary". */
  listening: Promise<string>;
  connections: Promise<void>;
};

/**
 * Listens for the requests to stop; call it before listening, so a cluster's primary never asks
 * too early. A lone process stops on its first SIGINT or SIGTERM, both steps at once. A cluster
 * worker follows its primary, which asks every worker to stop listening and, once none listens, to
 * close their connections. A signal sent to a worker itself (Ctrl-C reaches the whole process
 * group) is passed on to the primary, so that every worker stops that same way. A second signal
 * exits at once.
 */
export function stopRequests(logger: Logger): StopRequests {
  const listening = Promise.withResolvers<string>();
  const connections = Promise.withResolvers<void>();
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      logger.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    signalled = true;
    if (cluster.isWorker && process.connected) {
      process.send?.(STOP_REQUEST_MESSAGE);
      return;
    }
    listening.resolve(signal);
    connections.resolve();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  process.on("message", (message) => {
    if (message === STOP_LISTENING_MESSAGE) listening.resolve("primary");
    if (message === SHUTDOWN_MESSAGE) {
      listening.resolve("primary");
      connections.resolve();
    }
  });
  return { listening: listening.promise, connections: connections.promise };
}

/**
 * Stops serving once asked, without losing an answer: /ready turns 503 and the listener closes;
 * then every answer says `Connection: close`, idle connections close at once, and in-flight
 * requests have until `graceMs` after the first request to finish. Resolves once every
 * connection is closed.
 */
export async function stopServing(
  requests: StopRequests,
  server: RunningServer,
  lifecycle: Lifecycle,
  graceMs: number,
  logger: Logger,
): Promise<void> {
  const reason = await requests.listening;
  const askedAt = Date.now();
  lifecycle.stopping = true;
  server.stopListening();
  if (cluster.isWorker && process.connected) process.send?.(LISTENER_CLOSED_MESSAGE);
  logger.info({ reason, pid: process.pid }, "shutting down: no new connections");

  await requests.connections;
  lifecycle.draining = true;
  const left = Math.max(0, graceMs - (Date.now() - askedAt));
  logger.info({ pid: process.pid, graceMs: left }, "draining: finishing in-flight requests");
  const cut = await server.drain(left);
  if (cut > 0) {
    logger.warn(
      { pid: process.pid, connections: cut, graceMs },
      "grace period over: closed connections whose requests were still in flight",
    );
  }
}
