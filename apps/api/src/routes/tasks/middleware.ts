import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../lib/context.ts";
import { requireUser } from "../../middleware/auth.ts";
import { deadline } from "../../middleware/deadline.ts";
import { jsonBody } from "../../middleware/json-body.ts";

type Middleware = MiddlewareHandler<AppEnv>;

/**
 * The route middleware of the task routes, in the order it runs: who the caller is, the body
 * read once, then the deadline of the work (after the body, so a slow upload is not counted).
 */
export const withoutBody: [Middleware, Middleware] = [requireUser, deadline];
export const withJsonBody: [Middleware, Middleware, Middleware] = [requireUser, jsonBody, deadline];
