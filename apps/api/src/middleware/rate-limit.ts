import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../lib/context.ts";
import { ApiError, tooManyRequests } from "../lib/errors.ts";
import { type PolicyState, WINDOW_SECONDS } from "../lib/rate-limits.ts";

export const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Route middleware of every task route, right after requireUser: counts the request against the
 * caller's limits (the token's `sub`). Answers carry the IETF draft's `RateLimit-Policy` and
 * `RateLimit` fields (draft-ietf-httpapi-ratelimit-headers-11); over a limit, a 429 with
 * `Retry-After` instead of the route's answer.
 */
export const rateLimit = createMiddleware<AppEnv>(async (c, next) => {
  const write = WRITE_METHODS.has(c.req.method);
  const states = await c.get("rateLimits").consume(c.get("user").id, write);
  if (states.length === 0) return next();
  const headers = {
    "RateLimit-Policy": states.map(policyItem).join(", "),
    RateLimit: states.map(limitItem).join(", "),
  };
  const exceeded = states.filter((state) => state.exceeded);
  if (exceeded.length > 0) {
    // The policy that frees up last decides when to come back.
    const last = exceeded.reduce((a, b) => (b.resetSeconds > a.resetSeconds ? b : a));
    const { name, quota } = last.policy;
    throw new ApiError(429, tooManyRequests(name, quota, last.resetSeconds), {
      "Retry-After": String(last.resetSeconds),
      ...headers,
    });
  }
  c.header("RateLimit-Policy", headers["RateLimit-Policy"]);
  c.header("RateLimit", headers.RateLimit);
  return next();
});

/** `"writes";q=120;w=60`: a Structured Fields item, a string with parameters. */
const policyItem = ({ policy }: PolicyState) =>
  `"${policy.name}";q=${policy.quota};w=${WINDOW_SECONDS}`;

/** `"writes";r=0;t=17`: what is left and the seconds until the window ends. */
const limitItem = ({ policy, remaining, resetSeconds }: PolicyState) =>
  `"${policy.name}";r=${remaining};t=${resetSeconds}`;
