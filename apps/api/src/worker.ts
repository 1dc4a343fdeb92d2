import { databaseTarget, openDatabase } from "./db/client.ts";
import { EnvError, loadConfig } from "./env.ts";
import { createLogger } from "./lib/logger.ts";
import { startReminderWorker } from "./reminders/reminder-worker.ts";

/**
 * `npm run worker -w @taskline/api`: delivers reminders without serving HTTP, for deployments that
 * run the API with REMINDER_WORKER=false. It needs DATABASE_URL (the embedded PGlite database
 * belongs to the one API process); it migrates like the API, so either may start first. Stops on
 * SIGINT/SIGTERM once the deliveries under way are done.
 */
async function main() {
  const config = loadConfig();
  if (config.databaseUrl === undefined) {
    throw new EnvError([
      "DATABASE_URL: is required by a separate worker (with the embedded database the API delivers reminders itself)",
    ]);
  }
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(databaseTarget(config));
  await database.migrate();
  const worker = await startReminderWorker({ config, database, logger });
  logger.info({ pid: process.pid }, "Taskline reminder worker running");
  await new Promise<void>((stop) => {
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await worker.stop();
  await database.close();
  logger.info({ pid: process.pid }, "stopped");
}

main().catch((error: unknown) => {
  const message =
    error instanceof EnvError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(`Taskline worker cannot start. ${message}\n`);
  process.exit(1);
});
