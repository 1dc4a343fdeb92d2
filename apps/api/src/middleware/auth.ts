import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../lib/context.ts";
import { ApiError, DETAIL, unauthorized } from "../lib/errors.ts";
import { KeysUnavailable } from "../lib/jwks-key-source.ts";
import { TokenRejected } from "../lib/jwt.ts";

/** `Authorization: Bearer <token>`; the scheme is case-insensitive (RFC 9110). */
const BEARER = /^Bearer +(\S+)$/i;

/**
 * The one way into a task route: verifies the bearer token and puts the caller on the context
 * (`c.get("user")`). Failures are 401 with `WWW-Authenticate: Bearer`, or 503 while the JWKS has
 * never been fetched. The reason goes into the request's log line (`authFailure`); the token never
 * does.
 */
export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  const token = BEARER.exec(c.req.header("authorization") ?? "")?.[1];
  if (token === undefined) {
    c.set("authFailure", "no bearer token in the Authorization header");
    throw unauthorized(DETAIL.notAuthenticated);
  }
  try {
    c.set("user", await c.get("verifier").verify(token));
  } catch (error) {
    if (error instanceof TokenRejected) {
      c.set("authFailure", error.reason);
      throw unauthorized(error.detail);
    }
    if (error instanceof KeysUnavailable) {
      c.get("log").error({ reason: error.message }, "auth unavailable: cannot fetch the JWKS");
      throw new ApiError(503, DETAIL.authUnavailable, { "Retry-After": "5" });
    }
    throw error;
  }
  await next();
});
