import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../lib/context.ts";
import { WRITE_METHODS } from "./rate-limit.ts";

/**
 * Route middleware of every route that may change the caller's tasks: once the request is done,
 * whatever its answer (a failed write may still have committed), the caller's live streams on
 * every replica are told to look for new events (events/event-hub.ts).
 */
export const announceChanges = createMiddleware<AppEnv>(async (c, next) => {
  if (!WRITE_METHODS.has(c.req.method)) return next();
  try {
    await next();
  } finally {
    c.get("events").announce(c.get("user").id);
  }
});
