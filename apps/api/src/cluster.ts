import cluster, { type Worker } from "node:cluster";
import { availableParallelism } from "node:os";
import type { Config } from "./env.ts";
import type { Logger } from "./lib/logger.ts";

/** What the primary sends a worker to make it stop gracefully (as SIGTERM would). */
export const SHUTDOWN_MESSAGE = "taskline:shutdown";

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
 * them out in turn), replaces a worker that dies, and on SIGTERM/SIGINT asks every worker to
 * finish its in-flight requests and stop, then exits once all have (1 if any failed to).
 */
export function runPrimary(count: number, logger: Logger): void {
  let stopping = false;
  let failed = false;
  const deaths: number[] = [];
  const live = new Set<Worker>();
  const listening = new WeakSet<Worker>();
  cluster.on("listening", (worker) => listening.add(worker));
  // A worker starts listening for the shutdown message just before it listens for requests.
  const tellToStop = (worker: Worker) => {
    const send = () => {
      if (worker.isConnected()) worker.send(SHUTDOWN_MESSAGE);
    };
    if (listening.has(worker)) send();
    else worker.once("listening", send);
  };

  const fork = () => live.add(cluster.fork());
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, "second signal: stopping the workers now");
      for (const worker of live) worker.process.kill("SIGKILL");
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, "shutting down: asking the workers to finish in-flight requests");
    for (const worker of live) tellToStop(worker);
    exitWhenAllStopped();
  };
  const exitWhenAllStopped = () => {
    if (live.size > 0) return;
    logger.info("stopped");
    process.exit(failed ? 1 : 0);
  };

  cluster.on("exit", (worker, code, signal) => {
    live.delete(worker);
    if (stopping) {
      if (code !== 0) failed = true;
      exitWhenAllStopped();
      return;
    }
    const now = Date.now();
    deaths.push(now);
    while ((deaths[0] ?? now) < now - CRASH_WINDOW_MS) deaths.shift();
    if (deaths.length > MAX_DEATHS) {
      logger.fatal({ deaths: deaths.length }, "workers keep dying: giving up");
      failed = true;
      stop("SIGTERM");
      return;
    }
    logger.error({ pid: worker.process.pid, code, signal }, "worker died: starting another");
    fork();
  });
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  logger.info({ workers: count }, "starting the HTTP workers");
  for (let i = 0; i < count; i += 1) fork();
}
