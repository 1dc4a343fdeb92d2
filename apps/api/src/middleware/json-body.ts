import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../lib/context.ts";
import { validationError } from "../lib/errors.ts";

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/**
 * Route middleware of the routes that take a JSON body (after auth, before the validators):
 * malformed JSON becomes our 422 (`json_invalid`), and an empty JSON body counts as no body at
 * all, as in FastAPI: `PATCH /api/tasks/{id}/complete` then toggles, `POST` lists missing fields.
 */
export const jsonBody = createMiddleware<AppEnv>(async (c, next) => {
  const mediaType = c.req.header("content-type")?.split(";")[0]?.trim() ?? "";
  if (!JSON_MEDIA_TYPE.test(mediaType)) return next();
  const text = await c.req.text();
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
  return next();
});
