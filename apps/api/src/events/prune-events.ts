import type { Db } from "../db/client.ts";
import type { Logger } from "../lib/logger.ts";
import { pruneEvents } from "./event-queries.ts";

const PRUNE_INTERVAL_MS = 60_000;

/** Deletes old events every minute (every process: the deletes do not conflict); returns stop. */
export function pruneEventsRegularly(db: Db, logger: Logger): () => void {
  const timer = setInterval(() => {
    pruneEvents(db).catch((error: unknown) =>
      logger.warn({ reason: (error as Error).message }, "pruning live events failed"),
    );
  }, PRUNE_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
