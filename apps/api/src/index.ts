import cluster from "node:cluster";
import { createApp } from "./app.ts";
import { runPrimary, SHUTDOWN_MESSAGE, workerCount } from "./cluster.ts";
import { type Database, databaseTarget, openDatabase } from "./db/client.ts";
import { type Config, EnvError, loadConfig } from "./env.ts";
import { createVerifier } from "./lib/jwt.ts";
import { createLogger, type Logger } from "./lib/logger.ts";
import { createRateLimits } from "./lib/rate-limits.ts";
import { listen } from "./server.ts";

/**
 * Boot: configuration, database + migrations, then HTTP; stops cleanly on SIGINT/SIGTERM. With a
 * Postgres server the first process migrates, then runs one HTTP worker per core, less one when
 * Postgres runs on this machine (API_WORKERS).
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
  runPrimary(workers, logger);
}

/** One HTTP process: the whole API on PORT (a cluster worker shares the port with the others). */
async function serve(config: Config, database: Database, logger: Logger) {
  const stopRequested = stopRequests(logger);
  const rateLimits = await createRateLimits({
    ...config.rateLimits,
    redisUrl: config.redisUrl,
    logger,
  });
  const verifier = createVerifier(config.auth);
  const app = createApp({ config, database, verifier, logger, rateLimits });
  const server = await listen(app, config.port);
  logger.info(
    { url: server.url, docs: `${server.url}/docs`, pid: process.pid },
    "Taskline API listening",
  );
  const signal = await stopRequested;
  logger.info({ signal }, "shutting down: finishing in-flight requests");
  await server.close();
  await rateLimits.close();
  await database.close();
  logger.info("stopped");
  process.exit(0);
}

/**
 * Resolves on the first SIGINT or SIGTERM, or the primary's shutdown message in a cluster worker
 * (listened for before the worker listens, so the primary never asks too early). A second signal
 * exits at once.
 */
function stopRequests(logger: Logger): Promise<string> {
  return new Promise((resolve) => {
    let requested = false;
    const request = (signal: string) => {
      if (!requested) {
        requested = true;
        resolve(signal);
      } else if (signal !== "primary") {
        logger.warn({ signal }, "second signal: exiting now");
        process.exit(1);
      }
    };
    process.on("SIGINT", request);
    process.on("SIGTERM", request);
    process.on("message", (message) => {
      if (message === SHUTDOWN_MESSAGE) request("primary");
    });
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Taskline API failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
