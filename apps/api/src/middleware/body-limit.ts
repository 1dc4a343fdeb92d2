import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../lib/context.ts";

/**
 * At most `maxBytes` of request body, else `onTooLarge` (our 413). Hono's bodyLimit starts by
 * reading `c.req.raw.body`, which makes @hono/node-server build a whole fetch Request (stream,
 * AbortController) for every request: measurable at thousands of requests per second. Here the
 * headers decide wherever they can, exactly as Hono's middleware would: GET and HEAD carry no
 * body; a Content-Length is the body's exact length (Node's parser holds the request to it); no
 * framing header at all means no body (RFC 9112 §6.3). Only chunked bodies, whose length is known
 * once read, go through Hono's middleware, which counts them as they stream.
 */
export const limitBody = (maxBytes: number, onTooLarge: (c: Context) => Response) => {
  const streamed = bodyLimit({ maxSize: maxBytes, onError: onTooLarge });
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    if (c.req.header("transfer-encoding") !== undefined) return streamed(c, next);
    const length = c.req.header("content-length");
    if (length !== undefined && Number(length) > maxBytes) return onTooLarge(c);
    return next();
  });
};
