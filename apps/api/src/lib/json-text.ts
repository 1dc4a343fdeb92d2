import type { Context, TypedResponse } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * A response whose JSON body is already serialised (e.g. built by Postgres), typed as the
 * route's declared response so the route's handler still type-checks against its schema. The
 * caller vouches that `text` is `T` as JSON: tests compare such bodies with the schema's shape.
 */
export function jsonText<T, S extends ContentfulStatusCode>(
  c: Context,
  text: string,
  status: S,
): TypedResponse<T, S, "json"> {
  const response = c.body(text, status, { "Content-Type": "application/json" });
  return response as unknown as TypedResponse<T, S, "json">;
}
