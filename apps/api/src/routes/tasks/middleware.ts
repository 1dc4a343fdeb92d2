import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../lib/context.ts";
import { announceChanges } from "../../middleware/announce-changes.ts";
import { requireUser } from "../../middleware/auth.ts";
import { deadline } from "../../middleware/deadline.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { rateLimit } from "../../middleware/rate-limit.ts";

type Middleware = MiddlewareHandler<AppEnv>;

/**
 * The route middleware of the task routes, in the order it runs: who the caller is, whether they
 * are within their rate limits, their live streams told about a write once it is done, the body
 * read once, then the deadline of the work (after the body, so a slow upload is not counted).
 */
export const withoutBody: Middleware[] = [requireUser, rateLimit, announceChanges, deadline];
export const withJsonBody: Middleware[] = [
  requireUser,
  rateLimit,
  announceChanges,
  jsonBody,
  deadline,
];
