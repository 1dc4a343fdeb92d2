import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../lib/context.ts";
import type { AuthUser } from "../lib/jwt.ts";
import type { Logger } from "../lib/logger.ts";

/**
 * Gives each request a child logger carrying its id (`c.var.log`) and logs one line when it
 * ends: method, path (no query string, no headers), status, duration and the caller's id.
 */
export const requestLogger = (logger: Logger) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    const log = logger.child({ reqId: c.var.requestId });
    c.set("log", log);
    await next();
    const user = c.get("user") as AuthUser | undefined;
    log.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        userId: user?.id,
      },
      "request",
    );
  });
