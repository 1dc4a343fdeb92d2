import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  createSigningKey,
  createTask,
  HS256_SECRET,
  nextLink,
  setupTestApi,
  signHs256Token,
  signToken,
  unsignedToken,
} from "./harness.ts";
import { type FuzzRequest, type FuzzWorld, fuzzRequest } from "./support/http-arbitraries.ts";

/**
 * Generated requests (fast-check, fixed seed) against the real app on the test database, over
 * real HTTP: no answer is a 5xx, every error has a JSON `detail`, every answer says nosniff,
 * and the process is still up at the end. FUZZ_RUNS sets how many requests (10,000 by default),
 * FUZZ_SEED another seed.
 */

const api = setupTestApi();

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_203);
/** Requests of one generated batch, sent at once. */
const BATCH = 50;

type Answer = { status: number; type: string | null; nosniff: string | null; text: string };

async function send(baseUrl: string, request: FuzzRequest): Promise<Answer> {
  const init: RequestInit = {
    method: request.method,
    headers: request.headers,
    signal: AbortSignal.timeout(20_000),
  };
  if (request.body !== undefined) {
    const { data, chunked } = request.body;
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
    init.body = chunked
      ? new ReadableStream({
          start(controller) {
            controller.enqueue(bytes);
            controller.close();
          },
        })
      : bytes;
    if (chunked) init.duplex = "half";
  }
  const response = await fetch(`${baseUrl}${request.path}`, init);
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    nosniff: response.headers.get("x-content-type-options"),
    text: await response.text(),
  };
}

const isIssue = (item: unknown) =>
  typeof item === "object" &&
  item !== null &&
  "loc" in item &&
  Array.isArray(item.loc) &&
  "msg" in item &&
  typeof item.msg === "string" &&
  "type" in item &&
  typeof item.type === "string";

/** What is wrong with this answer, or undefined. */
function problemOf(request: FuzzRequest, answer: Answer): string | undefined {
  if (answer.status >= 500) return `status ${answer.status}`;
  if (answer.nosniff !== "nosniff") return "no X-Content-Type-Options: nosniff";
  if (answer.status < 400 || request.method === "HEAD") return undefined;
  if (!answer.type?.startsWith("application/json")) return `error answered as ${answer.type}`;
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return "error body is not JSON";
  }
  const detail = typeof body === "object" && body !== null && "detail" in body && body.detail;
  const fine =
    (typeof detail === "string" && detail !== "") ||
    (Array.isArray(detail) && detail.length > 0 && detail.every(isIssue));
  return fine ? undefined : `error without a detail: ${answer.text.slice(0, 200)}`;
}

const shorten = (text: string) =>
  text.length > 200 ? `${text.slice(0, 200)}… (${text.length})` : text;

const describeRequest = ({ method, path, headers, body }: FuzzRequest) => ({
  request: `${method} ${shorten(path)}`,
  headers,
  body:
    body === undefined
      ? undefined
      : `${body.chunked ? "chunked " : ""}${typeof body.data === "string" ? shorten(body.data) : `${body.data.length} bytes`}`,
});

/** Real tasks, tokens and a cursor for the generators to use. */
async function buildWorld(): Promise<FuzzWorld> {
  const alice = await api.user("alice");
  const bob = await api.user("bob");
  const taskIds: string[] = [];
  // Enough that some outlive the DELETEs of the run.
  for (const user of [alice, bob]) {
    for (let i = 0; i < 20; i += 1) taskIds.push((await createTask(user)).id);
  }
  // Two of alice's in the trash, for the restores and the trash's pages.
  for (const id of taskIds.slice(0, 2)) await alice.delete(`/api/tasks/${id}`);
  const cursorOf = async (path: string) => {
    const link = nextLink(await alice.get(path)) ?? "";
    return new URL(link, "http://x").searchParams.get("cursor") ?? "";
  };
  const cursors = [
    await cursorOf("/api/tasks?limit=1"),
    await cursorOf("/api/tasks?trashed=true&limit=1"),
  ];
  const key = api.key;
  const bearer = async (token: string | Promise<string>) => `Bearer ${await token}`;
  const valid = [`Bearer ${alice.token}`, `Bearer ${bob.token}`, `bearer  ${alice.token}`];
  const refused = await Promise.all([
    bearer(signToken(key, alice.id, { expiresIn: -60 })),
    bearer(signToken(key, alice.id, { claims: { aud: "https://elsewhere.example" } })),
    bearer(signToken(key, alice.id, { claims: { sub: undefined } })),
    bearer(signToken(key, "x".repeat(300))),
    bearer(signToken(await createSigningKey(), alice.id)),
    bearer(signHs256Token(HS256_SECRET, alice.id)),
    bearer(unsignedToken(alice.id)),
    "Basic dXNlcjpwYXNz",
    "Bearer",
    "",
  ]);
  return { taskIds, valid, refused, cursors };
}

describe("fuzzing the HTTP surface", () => {
  test(
    `${RUNS} generated requests: no 5xx, every error a JSON detail, still up`,
    async () => {
      const world = await buildWorld();
      // An unknown kid refetches at once (single-flight) instead of waiting out the 2 s interval.
      const app = await api.startApp({ timings: { refetchIntervalMs: 0 } });
      let sent = 0;
      const property = fc.asyncProperty(
        fc.array(fuzzRequest(world), { minLength: BATCH, maxLength: BATCH }),
        async (batch) => {
          const answers = await Promise.all(batch.map((request) => send(app.url, request)));
          sent += batch.length;
          const problems = batch.flatMap((request, i) => {
            const answer = answers[i];
            const problem = answer && problemOf(request, answer);
            return problem === undefined ? [] : [{ problem, ...describeRequest(request) }];
          });
          if (problems.length > 0) {
            const errors = app.logs.filter((line) => line.includes('"level":50')).slice(-3);
            throw new Error(JSON.stringify({ problems, errors }, null, 1));
          }
        },
      );
      await fc.assert(property, {
        numRuns: Math.ceil(RUNS / BATCH),
        seed: SEED,
        endOnFailure: true,
        // A counterexample is 50 requests, some of 64 KiB: report the failing answers only.
        reporter: (details) => {
          if (details.failed) {
            const reason =
              details.errorInstance instanceof Error ? details.errorInstance.message : "";
            throw new Error(`fuzz failed (seed ${details.seed}): ${reason.slice(0, 5_000)}`);
          }
        },
      });
      expect(sent).toBeGreaterThanOrEqual(RUNS);
      expect(app.logs.filter((line) => line.includes('"level":50'))).toEqual([]);
      const health = await app.client().get("/health");
      expect({ status: health.status, body: health.body }).toEqual({
        status: 200,
        body: { status: "ok" },
      });
    },
    Math.max(180_000, RUNS * 20),
  );
});
