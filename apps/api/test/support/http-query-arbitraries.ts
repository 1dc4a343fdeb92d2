import fc from "fast-check";
import { queryFingerprint, type Sort } from "../../src/tasks/list-query.ts";
import { TRASH_QUERY } from "../../src/tasks/trash-page.ts";
import type { FuzzWorld } from "./http-arbitraries.ts";

/** The fuzz test's query strings and the text generators its other parts share. */

/** Printable ASCII (the default unit): anything a header may carry. */
export const ascii = (maxLength = 40) => fc.string({ maxLength });
export const anyText = (maxLength = 40) => fc.string({ unit: "grapheme", maxLength });

/** Mostly `w`, sometimes `odd`: valid-looking values reach deeper than junk does. */
export const mostly = <T, U>(w: fc.Arbitrary<T>, odd: fc.Arbitrary<U>): fc.Arbitrary<T | U> =>
  fc.oneof({ arbitrary: w, weight: 5 }, { arbitrary: odd, weight: 1 });

const isoDate = fc
  .record({
    year: fc.oneof(fc.constantFrom(0, 1, 1969, 9_999), fc.integer({ min: 0, max: 9_999 })),
    month: mostly(fc.integer({ min: 1, max: 12 }), fc.constantFrom(0, 13)),
    day: mostly(fc.integer({ min: 1, max: 28 }), fc.constantFrom(0, 29, 30, 31, 32)),
    time: mostly(
      fc.constantFrom("00:00:00.000", "23:59:59.999"),
      fc.constantFrom("24:00:00.000", "12:61:00.000"),
    ),
  })
  .map(({ year, month, day, time }) => {
    const pad = (n: number, width: number) => String(n).padStart(width, "0");
    return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${time}Z`;
  });

/** Base64url JSON shaped like a cursor: dates from year 0000 to 9999, odd ones, odd ids. */
const forgedCursor = fc
  .record({
    k: fc.oneof(
      fc.constant(null),
      fc.constantFrom(
        "2026-01-01 00:00:00+00",
        "0000-01-01 00:00:00+00",
        "9999-12-31 23:59:59.999+14",
      ),
      fc.constantFrom("0", "3", "7", "2.500000", "99999.1234567", "-1"),
      anyText(),
    ),
    t: mostly(isoDate, anyText()),
    i: mostly(fc.uuid(), anyText()),
    // The fingerprints of a few real lists, so that forged keys reach the statement.
    f: mostly(
      fc.constantFrom(
        ...["-created_at", "created_at", "-due_at", "due_at", "priority", "title"].map((sort) =>
          queryFingerprint({ status: "all", sort: sort as Sort }),
        ),
        TRASH_QUERY,
      ),
      anyText(),
    ),
  })
  .map((value) => Buffer.from(JSON.stringify(value)).toString("base64url"));

const queryValue = (world: FuzzWorld) => ({
  limit: mostly(
    fc.integer({ min: -10, max: 300 }).map(String),
    fc.oneof(ascii(), fc.constant("1e3")),
  ),
  cursor: fc.oneof(
    { arbitrary: fc.constantFrom(...world.cursors), weight: 2 },
    { arbitrary: forgedCursor, weight: 4 },
    { arbitrary: fc.oneof(fc.base64String(), anyText()), weight: 1 },
  ),
  status: mostly(fc.constantFrom("all", "pending", "completed"), fc.oneof(ascii(), anyText())),
  priority: mostly(fc.constantFrom("high", "low,none", "medium,high"), anyText()),
  label: mostly(fc.constantFrom("work", "Work,home", "a b"), anyText()),
  due: mostly(fc.constantFrom("overdue", "today", "week", "none"), anyText()),
  tz: mostly(fc.constantFrom("UTC", "Europe/Berlin", "Etc/GMT+14"), anyText()),
  due_before: mostly(
    isoDate.map((d) => d.slice(0, 10)),
    anyText(),
  ),
  due_after: mostly(
    isoDate.map((d) => d.slice(0, 10)),
    anyText(),
  ),
  recurring: mostly(fc.constantFrom("true", "false"), anyText()),
  q: mostly(fc.constantFrom("milk", "100%", "a_b", "\\", "café"), anyText()),
  sort: mostly(fc.constantFrom("title", "-due_at", "priority", "relevance"), anyText()),
  format: mostly(fc.constantFrom("json", "csv"), anyText()),
  trashed: mostly(fc.constantFrom("true", "false"), anyText()),
  permanent: mostly(fc.constantFrom("true", "false"), anyText()),
});

export const fuzzQuery = (world: FuzzWorld) => {
  const values = queryValue(world);
  const pair = fc.oneof(
    ...(Object.keys(values) as (keyof typeof values)[]).map((name) => ({
      arbitrary: values[name].map((value) => `${name}=${encodeURIComponent(value)}`),
      weight: 3,
    })),
    fc
      .tuple(anyText(10), anyText(10))
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`),
    fc.constantFrom("limit", "cursor=", "&&", "status=%E0%A4%A", "limit=%00"),
  );
  return fc
    .array(pair, { maxLength: 3 })
    .map((pairs) => (pairs.length ? `?${pairs.join("&")}` : ""));
};
