import { cors } from "hono/cors";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../lib/context.ts";

/**
 * CORS for the allowed origins (Hono's middleware), applied to cross-origin requests only: a
 * request without an Origin header gets just `Vary: Origin`. Hono's middleware sets its headers
 * on a response it creates before the route runs, which then has to be merged into the route's
 * own, for every request; a same-origin or server-to-server call has no use for those headers.
 */
export const corsFor = (origins: string[]) => {
  const crossOrigin = cors({
    origin: origins,
    allowMethods: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"],
    // Idempotency-Key and If-Match: a browser client's safe retries and conditional writes;
    // Last-Event-ID: a live event stream resumed where it left off.
    allowHeaders: [
      "Authorization",
      "Content-Type",
      "X-Request-Id",
      "Idempotency-Key",
      "If-Match",
      "Last-Event-ID",
    ],
    exposeHeaders: [
      "Link",
      "X-Total-Count",
      "X-Total-Count-Capped",
      "Location",
      "X-Request-Id",
      "ETag",
      "Idempotent-Replayed",
      // The rate limits, so a browser client can pace itself.
      "RateLimit-Policy",
      "RateLimit",
      "Retry-After",
      // The export's file name, for a page that saves it from memory.
      "Content-Disposition",
    ],
    maxAge: 600,
  });
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.header("origin") !== undefined) return crossOrigin(c, next);
    // Before the route: a header added to a finished response makes @hono/node-server rebuild it
    // as a full fetch Response.
    c.header("Vary", "Origin");
    return next();
  });
};
