import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { type Database, isDatabaseUnavailable, isQueryCanceled } from "./db/client.ts";
import type { Config } from "./env.ts";
import { createEventHub, type EventHub } from "./events/event-hub.ts";
import { type App, newApp } from "./lib/context.ts";
import { ApiError, DETAIL } from "./lib/errors.ts";
import type { TokenVerifier } from "./lib/jwt.ts";
import { createLifecycle, type Lifecycle } from "./lib/lifecycle.ts";
import type { Logger, RequestLog } from "./lib/logger.ts";
import { DOCUMENT_CONFIG } from "./lib/openapi.ts";
import type { RateLimits } from "./lib/rate-limits.ts";
import { methodsAllowedFor } from "./lib/routing.ts";
import { limitBody } from "./middleware/body-limit.ts";
import { closeConnectionsWhenDraining } from "./middleware/connection-close.ts";
import { corsFor } from "./middleware/cors.ts";
import { requestLogger } from "./middleware/request-logger.ts";
import { IMPORT_PATH, MAX_IMPORT_BYTES } from "./routes/account/import-tasks.ts";
import { registerDocs } from "./routes/docs.ts";
import { registerRoutes } from "./routes/index.ts";

export type AppDeps = {
  config: Config;
  database: Database;
  verifier: TokenVerifier;
  logger: Logger;
  /** Moved forward by index.ts when the process stops; by default one that never does. */
  lifecycle?: Lifecycle;
  /** The per-user limits of the task routes (createRateLimits). */
  rateLimits: RateLimits;
  /** The live event streams; by default a hub of this app's own (index.ts ends its streams). */
  events?: EventHub;
};

export const MAX_BODY_BYTES = 64 * 1024;

/** On a 503: the database or the keys may be back within a second (db/client.ts reconnects). */
const RETRY_SOON = { "Retry-After": "1" };

/** The OpenAPI 3.1 document, built from the route definitions alone (no database, no keys). */
export function buildOpenApiDocument() {
  const app = newApp();
  registerRoutes(app);
  return app.getOpenAPI31Document(DOCUMENT_CONFIG);
}

/**
 * The whole HTTP API as a Hono app, with its dependencies injected: index.ts serves it, tests
 * and benchmarks build their own from real databases and keys.
 */
export function createApp(deps: AppDeps): App {
  const app = newApp();
  const lifecycle = deps.lifecycle ?? createLifecycle();
  const events = deps.events ?? createEventHub(deps.database, deps.logger);

  // First, so that it sees the final answer, whatever made it.
  app.use(closeConnectionsWhenDraining(lifecycle));
  // Before anything else, so that every answer carries it (404s, errors and docs too); set before
  // the route, as a header added to a finished response makes @hono/node-server rebuild it.
  app.use(async (c, next) => {
    c.header("X-Content-Type-Options", "nosniff");
    await next();
  });
  app.use(requestId({ headerName: "X-Request-Id", limitLength: 128 }));
  app.use(requestLogger(deps.logger));
  app.use(corsFor(deps.config.corsOrigins));
  const bodyLimit = limitBody(MAX_BODY_BYTES, () => {
    throw new ApiError(413, DETAIL.payloadTooLarge);
  });
  // A file to import may be larger: that one route has its own limit.
  const importLimit = limitBody(MAX_IMPORT_BYTES, () => {
    throw new ApiError(413, DETAIL.importTooLarge);
  });
  app.use((c, next) => (c.req.path === IMPORT_PATH ? importLimit : bodyLimit)(c, next));
  app.use(async (c, next) => {
    c.set("config", deps.config);
    c.set("database", deps.database);
    c.set("verifier", deps.verifier);
    c.set("lifecycle", lifecycle);
    c.set("rateLimits", deps.rateLimits);
    c.set("events", events);
    await next();
  });

  registerRoutes(app);
  app.doc31("/openapi.json", DOCUMENT_CONFIG);
  registerDocs(app);

  const allowedMethods = methodsAllowedFor(app.routes);
  app.notFound((c) => {
    const allowed = allowedMethods(c.req.path);
    if (allowed.length > 0) {
      return c.json({ detail: DETAIL.methodNotAllowed }, 405, { Allow: allowed.join(", ") });
    }
    return c.json({ detail: DETAIL.notFound }, 404);
  });

  app.onError((error, c) => {
    if (error instanceof ApiError) {
      return c.json({ detail: error.detail, ...error.extra }, error.status, error.headers);
    }
    if (error instanceof HTTPException && error.status < 500) {
      // Raised by Hono itself, e.g. the 415 of a body that is not JSON.
      const detail = error.status === 415 ? DETAIL.unsupportedMediaType : error.message;
      return c.json({ detail: detail || "Bad Request" }, error.status);
    }
    const log = (c.get("log") as RequestLog | undefined) ?? deps.logger;
    if (isQueryCanceled(error)) {
      log.warn({ err: error }, "statement ended at its time limit");
      return c.json({ detail: DETAIL.requestTimedOut }, 503, RETRY_SOON);
    }
    if (isDatabaseUnavailable(error)) {
      log.error({ err: error }, "database unavailable");
      return c.json({ detail: DETAIL.databaseUnavailable }, 503, RETRY_SOON);
    }
    log.error({ err: error }, "unhandled error");
    return c.json({ detail: DETAIL.internal }, 500);
  });

  return app;
}
