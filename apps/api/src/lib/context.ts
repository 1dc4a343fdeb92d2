import { OpenAPIHono } from "@hono/zod-openapi";
import type { Database } from "../db/client.ts";
import type { Config } from "../env.ts";
import type { EventHub } from "../events/event-hub.ts";
import type { AuthUser, TokenVerifier } from "./jwt.ts";
import type { Lifecycle } from "./lifecycle.ts";
import type { RequestLog } from "./logger.ts";
import type { RateLimits } from "./rate-limits.ts";
import { validationHook } from "./validation.ts";

/**
 * What middleware puts on the context for the handlers. Handlers never read headers. Read them
 * with `c.get("user")`, not `c.var.user`: Hono's `c.var` builds a new object holding every
 * variable on each read (7 % of a list request's instructions went to four such reads).
 */
export type AppEnv = {
  Variables: {
    requestId: string;
    /** This request's logger: every line carries its id. */
    log: RequestLog;
    config: Config;
    database: Database;
    verifier: TokenVerifier;
    lifecycle: Lifecycle;
    /** The per-user counters the rate-limit middleware consults. */
    rateLimits: RateLimits;
    /** This process's live event streams (GET /api/events). */
    events: EventHub;
    /** Set by the auth middleware on every task route. */
    user: AuthUser;
    /** Why the auth middleware refused the token (logged with the request, never the token). */
    authFailure: string;
  };
};

export type App = OpenAPIHono<AppEnv>;

/** An app whose routes turn bad params, query or body into our FastAPI-shaped 422. */
export const newApp = (): App => new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
