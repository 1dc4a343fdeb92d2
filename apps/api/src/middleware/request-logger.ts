import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../lib/context.ts";
import type { AuthUser } from "../lib/jwt.ts";
import { type Logger, RequestLog } from "../lib/logger.ts";

/**
 * Gives each request its logger (`c.get("log")`, every line carrying the request id) and logs one
 * line when it ends: request id, method, path (no query string, no headers), status, duration,
 * and the caller's id or why their token was refused (one line, even for a flood of bad tokens).
 */
export const requestLogger = (logger: Logger) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    const reqId = c.get("requestId");
    c.set("log", new RequestLog(logger, reqId));
    await next();
    const user = c.get("user") as AuthUser | undefined;
    logger.info(
      {
        reqId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        userId: user?.id,
        authFailure: c.get("authFailure") as string | undefined,
      },
      "request",
    );
  });
