import type { IncomingMessage } from "node:http";
import type { HttpBindings } from "@hono/node-server";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../lib/context.ts";
import { ApiError, DETAIL, validationError } from "../lib/errors.ts";

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/**
 * Route middleware of the routes that take a JSON body (after auth, before the validators):
 * malformed JSON becomes our 422 (`json_invalid`), and an empty JSON body counts as no body at
 * all, as in FastAPI: `PATCH /api/tasks/{id}/complete` then toggles, `POST` lists missing fields.
 *
 * It is also where the body is read, once, and cheaply: straight from Node's request stream when
 * served by @hono/node-server, handed to the validators through Hono's body cache.
 * Reading it through the fetch `Request` instead builds a web stream and a Request clone for every
 * request, a large share of a write's CPU at thousands of requests per second.
 */
export const jsonBody = createMiddleware<AppEnv>(async (c, next) => {
  const mediaType = c.req.header("content-type")?.split(";")[0]?.trim() ?? "";
  if (!JSON_MEDIA_TYPE.test(mediaType)) {
    if (!hasBodyFraming(c)) withoutBody(c);
    return next();
  }
  const text = await readText(c);
  if (text.trim() === "") {
    // Drop the content type: the validators then see no body instead of failing to parse "".
    const headers = new Headers(c.req.raw.headers);
    headers.delete("content-type");
    headers.delete("content-length");
    c.req.raw = new Request(c.req.url, { method: c.req.method, headers });
    return next();
  }
  try {
    JSON.parse(text);
  } catch {
    throw validationError([{ loc: ["body"], msg: "JSON decode error", type: "json_invalid" }]);
  }
  // `c.req.json()` parses the cached text; Hono caches promises, whatever its types say.
  (c.req.bodyCache as Record<string, Promise<unknown>>).text = Promise.resolve(text);
  return next();
});

/**
 * Whether the request says it has a body: a non-zero Content-Length or any Transfer-Encoding.
 * Without either there is none (RFC 9112 §6.3), and Node's parser has read none.
 */
function hasBodyFraming(c: Context<AppEnv>): boolean {
  if (c.req.header("transfer-encoding") !== undefined) return true;
  const length = c.req.header("content-length");
  return length !== undefined && Number(length) !== 0;
}

/**
 * Tell the validators there is no body without building one: their check for a body sent
 * without a Content-Type reads `raw.body`, which @hono/node-server answers by wrapping Node's
 * stream in a whole fetch Request.
 */
function withoutBody(c: Context<AppEnv>): void {
  Object.defineProperty(c.req.raw, "body", { value: null, configurable: true });
}

/**
 * The body as text (UTF-8, a leading BOM dropped, as `Request.text()` does). A chunked body goes
 * through the Request, where the body limit counts it as it streams; any other has a
 * Content-Length that the body limit has already checked.
 */
async function readText(c: Context<AppEnv>): Promise<string> {
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
  const direct =
    incoming &&
    c.req.header("transfer-encoding") === undefined &&
    !incoming.readableDidRead &&
    !incoming.readableEnded;
  if (!direct) return c.req.text();
  const text = (await readAll(incoming)).toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Node's request stream to its end, with plain listeners: `for await` builds an async iterator,
 * end-of-stream watchers and a promise per chunk, after the HTTP objects the largest share of what
 * a create left for V8's full collections (heap sampling). A connection closed early rejects
 * with a 400.
 */
function readAll(incoming: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer) => chunks.push(chunk);
    const onEnd = () => {
      done();
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    };
    // An error or a close before the end: the client went away mid-body, a client error (400,
    // logged as such), not the API's.
    const onCutShort = () => {
      done();
      reject(new ApiError(400, DETAIL.bodyCutShort));
    };
    const done = () => {
      incoming
        .off("data", onData)
        .off("end", onEnd)
        .off("error", onCutShort)
        .off("close", onCutShort);
    };
    // Closed while earlier middleware (auth) awaited: its events are over, and would never come.
    if (incoming.destroyed) {
      onCutShort();
      return;
    }
    incoming.on("data", onData).on("end", onEnd).on("error", onCutShort).on("close", onCutShort);
  });
}
