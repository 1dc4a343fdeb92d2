import cluster from "node:cluster";
import { setTimeout } from "node:timers/promises";
import { createApp } from "./app.ts";
import { runPrimary, workerCount } from "./cluster.ts";
import { type Database, databaseTarget, openDatabase } from "./db/client.ts";
import { type Config, EnvError, loadConfig } from "./env.ts";
import { createEventHub } from "./events/event-hub.ts";
import { pruneEventsRegularly } from "./events/prune-events.ts";
import { sweepIdempotencyKeysRegularly } from "./lib/idempotency.ts";
import { createVerifier } from "./lib/jwt.ts";
import { createLifecycle } from "./lib/lifecycle.ts";
import { createLogger, type Logger } from "./lib/logger.ts";
import { createRateLimits } from "./lib/rate-limits.ts";
import { startReminderWorker } from "./reminders/reminder-worker.ts";
import { listen } from "./server.ts";
import { stopRequests, stopServing } from "./shutdown.ts";
import { purgeExpiredTrashRegularly } from "./tasks/trash.ts";

/**
 * Boot: configuration, database + migrations, then HTTP and the reminder worker (unless
 * REMINDER_WORKER=false); on SIGINT/SIGTERM stops without losing an answer (shutdown.ts), lets the
 * reminders under way finish, closes the database and exits 0. With a Postgres server the first process
 * migrates, then runs one HTTP worker per core, less one when Postgres runs on this machine
 * (API_WORKERS).
 */
async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    process.stderr.write(`Taskline API cannot start. ${error.message}\n`);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  const target = databaseTarget(config);
  const database = await openDatabase(target);
  if (cluster.isWorker) return serve(config, database, logger);

  await database.migrate();
  const workers = workerCount(config);
  logger.info(
    {
      appEnv: config.appEnv,
      database: target.kind === "postgres" ? "postgres (DATABASE_URL)" : `pglite ${target.dataDir}`,
      workers,
      jwtMode: config.auth.mode,
      ...(config.auth.mode === "jwks"
        ? { jwksUrl: config.auth.jwksUrl, algorithms: config.auth.algorithms }
        : {}),
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      corsOrigins: config.corsOrigins,
      rateLimits: {
        ...config.rateLimits,
        counters: config.redisUrl === undefined ? "in-process" : "redis (REDIS_URL)",
      },
    },
    "configuration",
  );
  if (workers === 1) return serve(config, database, logger);
  await database.close();
  runPrimary(workers, logger, config.shutdownGraceMs);
}

/** How long a starting process waits for the web app's key set before it listens anyway. */
const KEYS_AT_START_MS = 5000;

/** One HTTP process: the whole API on PORT (a cluster worker shares the port with the others). */
async function serve(config: Config, database: Database, logger: Logger) {
  const requests = stopRequests(logger);
  const lifecycle = createLifecycle();
  const rateLimits = await createRateLimits({
    ...config.rateLimits,
    redisUrl: config.redisUrl,
    logger,
  });
  const verifier = createVerifier(config.auth);
  const events = createEventHub(database, logger);
  const app = createApp({ config, database, verifier, logger, lifecycle, rateLimits, events });
  // Streams never finish on their own: once connections are to close, they end with a word to
  // reconnect (to another replica).
  void requests.connections.then(() => events.close());
  // The key set first, when it can be had quickly: a replica that listens without it answers 503
  // to every request until it has it, which a load balancer would send it meanwhile.
  await Promise.race([verifier.ready().catch(() => {}), setTimeout(KEYS_AT_START_MS)]);
  const server = await listen(app, config.port);
  const stopSweeping = sweepIdempotencyKeysRegularly(database.db, logger);
  const stopPurging = purgeExpiredTrashRegularly(database.db, logger);
  const stopPruning = pruneEventsRegularly(database.db, logger);
  const reminders = config.push.runWorker
    ? await startReminderWorker({ config, database, logger })
    : undefined;
  logger.info(
    { url: server.url, docs: `${server.url}/docs`, pid: process.pid },
    "Taskline API listening",
  );
  await stopServing(requests, server, lifecycle, config.shutdownGraceMs, logger);
  stopSweeping();
  stopPruning();
  await stopPurging();
  await reminders?.stop();
  await rateLimits.close();
  await database.close();
  logger.info({ pid: process.pid }, "stopped");
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Taskline API failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
