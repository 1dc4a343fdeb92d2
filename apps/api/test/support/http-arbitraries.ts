import fc from "fast-check";
import { anyText, ascii, fuzzQuery, mostly } from "./http-query-arbitraries.ts";

/**
 * fast-check arbitraries for requests to the API: known routes with odd ids and parameters,
 * unknown paths, headers and bodies from valid to junk. Everything a fetch can send.
 */

export type FuzzRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Text or bytes; `chunked` sends it as a stream (Transfer-Encoding: chunked). */
  body: { data: string | Uint8Array<ArrayBuffer>; chunked: boolean } | undefined;
};

/** What the generators draw on: real ids, tokens and a cursor made by the test. */
export type FuzzWorld = {
  taskIds: string[];
  /** Authorization values with valid tokens. */
  valid: string[];
  /** Authorization values to refuse: expired, alg none, unknown kid, no bearer… */
  refused: string[];
  /** Cursors of a real list and of a real trash page. */
  cursors: string[];
};

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PURGE", "PROPFIND"];

/** Any method token fetch sends (it refuses these three; Node's parser refuses most others). */
const method = fc.oneof(
  { arbitrary: fc.constantFrom(...METHODS), weight: 12 },
  {
    arbitrary: fc
      .stringMatching(/^[A-Z]{1,10}$/)
      .filter((m) => !["CONNECT", "TRACE", "TRACK"].includes(m)),
    weight: 1,
  },
);

const TRICKY_SEGMENTS = [
  "%00",
  "%",
  "%zz",
  "%E0%A4%A",
  "..",
  "%2e%2e",
  "%2F",
  ";",
  "~",
  "%F0%9F%99%82",
];

const segment = fc.oneof(
  fc.webSegment(),
  anyText(30).map(encodeURIComponent),
  fc.constantFrom(...TRICKY_SEGMENTS),
  fc.nat({ max: 5_000 }).map((n) => "a".repeat(n)),
);

const id = (world: FuzzWorld) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...world.taskIds), weight: 3 },
    { arbitrary: fc.uuid(), weight: 2 },
    { arbitrary: segment, weight: 2 },
  );

/** A path and, most often, a method it serves (else any method). */
const route = (world: FuzzWorld) => {
  const on = (path: fc.Arbitrary<string>, ...methods: string[]) =>
    fc.record({
      path,
      method: fc.oneof({ arbitrary: fc.constantFrom(...methods), weight: 4 }, method),
    });
  return fc.oneof(
    { arbitrary: on(fc.constant("/api/tasks"), "GET", "POST", "DELETE"), weight: 8 },
    {
      arbitrary: on(
        id(world).map((i) => `/api/tasks/${i}`),
        "GET",
        "PUT",
        "PATCH",
        "DELETE",
      ),
      weight: 8,
    },
    {
      arbitrary: on(
        id(world).map((i) => `/api/tasks/${i}/complete`),
        "PATCH",
      ),
      weight: 3,
    },
    {
      arbitrary: on(
        id(world).map((i) => `/api/tasks/${i}/skip`),
        "POST",
      ),
      weight: 2,
    },
    {
      arbitrary: on(
        id(world).map((i) => `/api/tasks/${i}/restore`),
        "POST",
      ),
      weight: 2,
    },
    { arbitrary: on(fc.constant("/api/labels"), "GET"), weight: 2 },
    { arbitrary: on(fc.constant("/api/export"), "GET"), weight: 1 },
    { arbitrary: on(fc.constant("/api/import"), "POST"), weight: 1 },
    {
      // Every method but DELETE, which would end the users' accounts and leave the rest of the
      // run 401s (delete-account.*.test.ts covers it).
      arbitrary: fc.record({
        path: fc.constant("/api/me"),
        method: method.filter((m) => m !== "DELETE"),
      }),
      weight: 1,
    },
    {
      arbitrary: on(
        fc
          .oneof(fc.constantFrom("work", "Work", "%23x", "a%2Fb"), segment)
          .map((n) => `/api/labels/${n}`),
        "PATCH",
        "DELETE",
      ),
      weight: 2,
    },
    {
      arbitrary: on(fc.constantFrom("/health", "/ready", "/openapi.json", "/docs"), "GET"),
      weight: 1,
    },
    {
      arbitrary: on(
        fc.array(segment, { maxLength: 4 }).map((s) => `/${s.join("/")}`),
        "GET",
      ),
      weight: 2,
    },
    {
      arbitrary: on(
        id(world).map((i) => `/api/tasks/${i}/`),
        "GET",
      ),
      weight: 1,
    },
  );
};

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "application/JSON",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/merge-patch+json",
];

/** Present with a probability of 1 in `freq` (fast-check's option), else left out. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, freq = 3) =>
  fc.option(arbitrary, { freq, nil: undefined });

const headers = (world: FuzzWorld) =>
  fc
    .record({
      authorization: fc.oneof(
        { arbitrary: fc.constantFrom(...world.valid), weight: 14 },
        { arbitrary: fc.constantFrom(...world.refused), weight: 4 },
        { arbitrary: ascii(200).map((junk) => `Bearer ${junk}`), weight: 1 },
        { arbitrary: ascii(), weight: 1 },
        { arbitrary: fc.constant(undefined), weight: 1 },
      ),
      "content-type": fc.oneof(
        { arbitrary: fc.constant("application/json"), weight: 8 },
        { arbitrary: fc.constantFrom(...CONTENT_TYPES), weight: 3 },
        { arbitrary: ascii(), weight: 1 },
        { arbitrary: fc.constant(undefined), weight: 1 },
      ),
      "idempotency-key": sometimes(ascii(80)),
      "if-match": sometimes(fc.oneof(fc.constantFrom("*", '"abc"', 'W/"1"'), ascii())),
      "x-request-id": sometimes(ascii(200), 5),
      origin: sometimes(fc.constantFrom("http://localhost:3000", "http://evil.example", "null"), 5),
    })
    .map((record) => {
      const present = Object.entries(record).filter(([, value]) => value !== undefined);
      return Object.fromEntries(present) as Record<string, string>;
    });

/** Titles of every length, up to 60,000 characters (the limit is 255). */
const title = mostly(
  anyText(100).filter((t) => t.trim() !== ""),
  fc.oneof(
    anyText(300),
    fc.nat({ max: 60_000 }).map((n) => "t".repeat(n)),
  ),
);

const description = fc.oneof(
  fc.constant(null),
  anyText(200),
  fc.nat({ max: 20_000 }).map((n) => "d".repeat(n)),
);

/** A task's fields, each present or not, with right and wrong types. */
const taskFields = fc.record(
  {
    title: mostly(title, fc.jsonValue()),
    description: mostly(description, fc.jsonValue()),
    is_completed: mostly(fc.boolean(), fc.constantFrom("yes", 1, null)),
    priority: mostly(fc.constantFrom("none", "low", "medium", "high"), fc.jsonValue()),
    due_date: mostly(fc.constantFrom("2027-03-14", "0001-01-01", "9999-12-31", null), anyText()),
    due_time: mostly(fc.constantFrom("02:30", "23:59", null), anyText()),
    time_zone: mostly(fc.constantFrom("America/New_York", "utc", "Etc/GMT-14", null), anyText()),
    labels: mostly(
      fc.array(mostly(fc.constantFrom("work", " Work ", "é"), anyText()), { maxLength: 25 }),
      fc.jsonValue(),
    ),
    recurrence: mostly(
      fc.constantFrom(
        "FREQ=DAILY",
        "FREQ=WEEKLY;BYDAY=MO,WE",
        "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=SECONDLY",
        null,
      ),
      anyText(),
    ),
    recurrence_from: mostly(fc.constantFrom("due", "completion"), fc.jsonValue()),
    user_id: anyText(),
    id: fc.uuid(),
  },
  { requiredKeys: [] },
);

const deepNesting = fc
  .record({ depth: fc.integer({ min: 1, max: 20_000 }), kind: fc.constantFrom("[]", "{}") })
  .map(({ depth, kind }) =>
    kind === "[]"
      ? `${"[".repeat(depth)}${"]".repeat(depth)}`
      : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`,
  );

/** Texts close to the 64 KiB limit, on either side of it. */
const nearTheLimit = fc
  .integer({ min: 65_536 - 64, max: 65_536 + 64 })
  .map((size) => `{"title":"${"x".repeat(size - 12)}"}`);

const bodyData = fc.oneof(
  { arbitrary: fc.record({ title, description }).map((task) => JSON.stringify(task)), weight: 4 },
  { arbitrary: taskFields.map((fields) => JSON.stringify(fields)), weight: 4 },
  { arbitrary: fc.json(), weight: 3 },
  { arbitrary: fc.jsonValue().map((value) => JSON.stringify(value) ?? "null"), weight: 2 },
  { arbitrary: deepNesting, weight: 1 },
  { arbitrary: nearTheLimit, weight: 1 },
  { arbitrary: anyText(200), weight: 2 },
  { arbitrary: fc.uint8Array({ maxLength: 300 }), weight: 1 },
);

/** One request, as fetch will send it (no body with GET or HEAD: fetch refuses one). */
export const fuzzRequest = (world: FuzzWorld): fc.Arbitrary<FuzzRequest> =>
  fc
    .record({
      route: route(world),
      query: fuzzQuery(world),
      headers: headers(world),
      body: fc.option(
        fc.record({ data: bodyData, chunked: fc.nat({ max: 3 }).map((n) => n === 0) }),
        { freq: 6 },
      ),
    })
    .map(({ route: { method, path }, query, headers, body }) => ({
      method,
      path: `${path}${query}`,
      headers,
      body: method === "GET" || method === "HEAD" || body === null ? undefined : body,
    }));
