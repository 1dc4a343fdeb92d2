import cluster, { type Worker } from "node:cluster";
import { availableParallelism } from "node:os";
import type { Config } from "./env.ts";
import type { Logger } from "./lib/logger.ts";

/** Primary → worker: stop accepting connections; keep serving the open ones as before. */
export const STOP_LISTENING_MESSAGE = "taskline:stop-listening";
/** Worker → primary: this worker no longer listens. */
export const LISTENER_CLOSED_MESSAGE = "taskline:listener-closed";
/** Primary → worker: close your connections as their requests are answered, then exit. */
export const SHUTDOWN_MESSAGE = "taskline:shutdown";
/** Worker → primary: this worker was sent SIGTERM or SIGINT; stop the whole API. */
export const STOP_REQUEST_MESSAGE = "taskline:stop-request";

/** How long after its grace period the primary waits before it kills a worker still running. */
const KILL_MARGIN_MS = 10_000;

/** More deaths than this within CRASH_WINDOW_MS: the workers cannot run; give up. */
const MAX_DEATHS = 5;
const CRASH_WINDOW_MS = 60_000;

/**
 * How many HTTP processes to run: API_WORKERS, else one per CPU core when the database is a
 * server, leaving one core to it when it runs on this machine. The embedded PGlite database
 * belongs to one process, so it always gets exactly one.
 *
 * Measured with the benchmark on 2 cores shared with Postgres and the load generator: one worker
 * served as many requests as two, with p99 of 22–26 ms where two gave 27–53 ms. Each extra
 * process on a full machine is one more to be preempted whenever a socket write wakes another.
 */
export function workerCount(
  config: Pick<Config, "workers" | "databaseUrl">,
  cores = availableParallelism(),
): number {
  if (!config.databaseUrl) return 1;
  if (config.workers !== undefined) return config.workers;
  return isOnThisMachine(config.databaseUrl) ? Math.max(1, cores - 1) : cores;
}

/**
 * A loopback address or a Unix socket (no host, or a `host=/path` parameter). Read leniently, as
 * postgres.js reads it: WHATWG URL refuses `postgres://user@/db`.
 */
function isOnThisMachine(databaseUrl: string): boolean {
  const hostParameter = /[?&]host=([^&]*)/.exec(databaseUrl)?.[1];
  const authority = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#]*)/i.exec(databaseUrl)?.[1] ?? "";
  const host = hostParameter ? decodeURIComponent(hostParameter) : authority.replace(/:\d*$/, "");
  return (
    host === "" ||
    host.startsWith("/") ||
    host === "localhost" ||
    host === "[::1]" ||
    /^127\.\d+\.\d+\.\d+$/.test(host)
  );
}

/**
 * The primary of a multi-process API (node:cluster): it serves nothing itself. It forks `count`
 * workers that each run the whole API on the same port (the primary accepts connections and hands
 * them out in turn) and replaces a worker that dies, until it stops.
 *
 * On SIGTERM/SIGINT (or a worker's STOP_REQUEST_MESSAGE) it stops in two steps. First every
 * worker stops listening but keeps serving its open connections as before: node:cluster closes
 * the port once its last worker has, and until then hands each new connection to a worker still
 * listening. Only then are the workers told to close their connections, so a client told to
 * reconnect finds the port closed (refused) rather than accepted and left in the primary's queue
 * for a worker that no longer takes any. No worker is forked from then on, whatever its exit.
 * The primary exits once every worker has: 0 if all exited 0. A worker still running
 * `graceMs` + KILL_MARGIN_MS after the signal is killed.
 */
export function runPrimary(count: number, logger: Logger, graceMs: number): void {
  let stopping = false;
  let closingSent = false;
  let failed = false;
  const deaths: number[] = [];
  const live = new Set<Worker>();
  const listening = new WeakSet<Worker>();
  const stoppedListening = new WeakSet<Worker>();
  cluster.on("listening", (worker) => listening.add(worker));

  const send = (worker: Worker, message: string) => {
    if (worker.isConnected()) worker.send(message);
  };
  // A worker starts listening for these messages just before it listens for requests.
  const tellOnceListening = (worker: Worker, message: string) => {
    if (listening.has(worker)) send(worker, message);
    else worker.once("listening", () => send(worker, message));
  };
  const closeConnectionsOnceNoneListens = () => {
    if (closingSent || [...live].some((worker) => !stoppedListening.has(worker))) return;
    closingSent = true;
    for (const worker of live) send(worker, SHUTDOWN_MESSAGE);
  };

  const fork = () => {
    const worker = cluster.fork();
    live.add(worker);
    worker.on("message", (message: unknown) => {
      if (message === STOP_REQUEST_MESSAGE) stop(`worker ${worker.process.pid} signalled`);
      if (message === LISTENER_CLOSED_MESSAGE) {
        stoppedListening.add(worker);
        closeConnectionsOnceNoneListens();
      }
    });
  };
  const stop = (reason: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, "shutting down: asking the workers to stop listening");
    setTimeout(() => {
      logger.error(
        { workers: live.size },
        "workers still running after the grace period: killing them",
      );
      for (const worker of live) worker.process.kill("SIGKILL");
      process.exit(1);
    }, graceMs + KILL_MARGIN_MS).unref();
    for (const worker of live) tellOnceListening(worker, STOP_LISTENING_MESSAGE);
    exitWhenAllStopped();
  };
  // Counts only the primary's own signals: a worker passes on the same Ctrl-C, maybe sooner.
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (!signalled) {
      signalled = true;
      stop(signal);
      return;
    }
    logger.warn({ signal }, "second signal: stopping the workers now");
    for (const worker of live) worker.process.kill("SIGKILL");
    process.exit(1);
  };
  const exitWhenAllStopped = () => {
    if (live.size > 0) return;
    logger.info("stopped");
    process.exit(failed ? 1 : 0);
  };

  cluster.on("exit", (worker, code, signal) => {
    live.delete(worker);
    if (stopping) {
      if (code !== 0) {
        failed = true;
        logger.error({ pid: worker.process.pid, code, signal }, "worker failed to stop cleanly");
      }
      // One fewer worker to wait for before closing connections.
      closeConnectionsOnceNoneListens();
      exitWhenAllStopped();
      return;
    }
    const now = Date.now();
    deaths.push(now);
    while ((deaths[0] ?? now) < now - CRASH_WINDOW_MS) deaths.shift();
    if (deaths.length > MAX_DEATHS) {
      logger.fatal({ deaths: deaths.length }, "workers keep dying: giving up");
      failed = true;
      stop("workers keep dying");
      return;
    }
    logger.error({ pid: worker.process.pid, code, signal }, "worker died: starting another");
    fork();
  });
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  logger.info({ workers: count }, "starting the HTTP workers");
  for (let i = 0; i < count; i += 1) fork();
}
