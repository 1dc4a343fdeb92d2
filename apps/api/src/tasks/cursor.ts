/**
 * Keyset pagination position: the (created_at, id) of the last task of a page, as opaque
 * base64url JSON. created_at has millisecond precision in the database, so it round-trips exactly.
 */
export type Cursor = { createdAt: Date; id: string };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64URL = /^[A-Za-z0-9_-]{1,200}$/;
/**
 * Years 0001 to 9999 keep the value inside Postgres' timestamptz range; year 0000, which
 * JavaScript reads as 1 BC, is one Postgres refuses to parse (a 500 rather than a 422).
 */
const ISO_MS = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function encodeCursor(cursor: Cursor): string {
  const json = JSON.stringify({ t: cursor.createdAt.toISOString(), i: cursor.id });
  return Buffer.from(json, "utf8").toString("base64url");
}

/** The position, or undefined when the value is not a cursor this API produced. */
export function decodeCursor(value: string): Cursor | undefined {
  if (!BASE64URL.test(value)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const { t, i } = parsed as Record<string, unknown>;
  if (typeof t !== "string" || !ISO_MS.test(t) || typeof i !== "string" || !GUID.test(i)) {
    return undefined;
  }
  const createdAt = new Date(t);
  if (Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== t) return undefined;
  return { createdAt, id: i.toLowerCase() };
}
