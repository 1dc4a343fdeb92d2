/**
 * Keyset pagination position, as opaque base64url JSON: the last task's sort key (as Postgres
 * wrote it as text; null for a task without one), its (created_at, id), and the fingerprint of
 * the query that made it (list-query.ts). created_at has millisecond precision in the database,
 * so it round-trips exactly.
 */
export type Cursor = { key: string | null; createdAt: Date; id: string; query: string };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64URL = /^[A-Za-z0-9_-]{1,2000}$/;
const FINGERPRINT = /^[A-Za-z0-9_-]{16}$/;
/**
 * Years 0001 to 9999 keep the value inside Postgres' timestamptz range; year 0000, which
 * JavaScript reads as 1 BC, is one Postgres refuses to parse (a 500 rather than a 422).
 */
const ISO_MS = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function encodeCursor(cursor: Cursor): string {
  const json = JSON.stringify({
    k: cursor.key,
    t: cursor.createdAt.toISOString(),
    i: cursor.id,
    f: cursor.query,
  });
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
  const { k, t, i, f } = parsed as Record<string, unknown>;
  if (typeof t !== "string" || !ISO_MS.test(t) || typeof i !== "string" || !GUID.test(i)) {
    return undefined;
  }
  if (typeof f !== "string" || !FINGERPRINT.test(f)) return undefined;
  if (
    k !== null &&
    (typeof k !== "string" || k.length > 1_000 || !k.isWellFormed() || k.includes("\u0000"))
  ) {
    return undefined;
  }
  const createdAt = new Date(t);
  if (Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== t) return undefined;
  return { key: k, createdAt, id: i.toLowerCase(), query: f };
}

/** How Postgres writes each sort key as text: a cursor's key must read back as its type. */
const KEY_FORMS: Record<string, RegExp> = {
  timestamptz: /^(?!0000)\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/,
  smallint: /^[0-3]$/,
  numeric: /^\d{1,4}\.\d{1,6}$/,
  text: /^[\s\S]*$/,
};

/** True when a cursor's key can be read back as a sort key of this type. */
export const keyReadsAs = (key: string | null, type: string): boolean =>
  key === null || (KEY_FORMS[type]?.test(key) ?? false);
