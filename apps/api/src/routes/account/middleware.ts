import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../lib/context.ts";
import { announceChanges } from "../../middleware/announce-changes.ts";
import { requireUser } from "../../middleware/auth.ts";
import { rateLimit } from "../../middleware/rate-limit.ts";

/**
 * The account routes' middleware: who the caller is, their rate limits and live streams, without the task
 * routes' deadline. Deleting 100,000 tasks, or sending them, takes longer than a request's
 * deadline, and neither may be cut half-way (the deletion has a time limit of its own).
 */
export const accountRoute: MiddlewareHandler<AppEnv>[] = [requireUser, rateLimit, announceChanges];
