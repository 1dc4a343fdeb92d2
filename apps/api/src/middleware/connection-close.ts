import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../lib/context.ts";
import type { Lifecycle } from "../lib/lifecycle.ts";

/**
 * While the process drains, every answer says `Connection: close`: Node closes the connection once
 * the answer is written, and the client knows not to send another request on it. Checked after
 * the route, so a request that was already in flight when draining began gets it too.
 */
export const closeConnectionsWhenDraining = (lifecycle: Lifecycle) =>
  createMiddleware<AppEnv>(async (c, next) => {
    await next();
    if (lifecycle.draining) c.header("Connection", "close");
  });
