import { afterEach, describe, expect, test } from "vitest";
import {
  AUDIENCE,
  authOutcome,
  createSigningKey,
  ISSUER,
  JwksServer,
  refused,
  setupTestApi,
  signToken,
} from "../../test/harness.ts";
import { DEFAULT_JWKS_TIMINGS, type JwksTimings, KeysUnavailable } from "./jwks-key-source.ts";
import { createVerifier, TokenRejected } from "./jwt.ts";

const api = setupTestApi();

const UNAVAILABLE = { status: 503, body: { detail: "Authentication service unavailable" } };

const servers: JwksServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function startJwks() {
  const jwks = new JwksServer();
  servers.push(jwks);
  await jwks.start();
  return { jwks, key: await jwks.addKey() };
}

/** A JWKS server of its own with one key, and an app using it with these timings. */
async function setup(timings: Partial<JwksTimings> = {}) {
  const { jwks, key } = await startJwks();
  const app = await api.startApp({ timings }, jwks.url);
  const list = async (token: string) => {
    const response = await app.client(token).get("/api/tasks");
    return { status: response.status, body: response.body, outcome: authOutcome(response) };
  };
  return { jwks, key, app, list };
}

/** The verifier alone (no HTTP app) against a JWKS server of its own: 200, 401 or 503 per token. */
async function verifierSetup(timings: Partial<JwksTimings>) {
  const { jwks, key } = await startJwks();
  const auth = { mode: "jwks" as const, jwksUrl: jwks.url, issuer: ISSUER, audience: AUDIENCE };
  const verifier = createVerifier(
    { ...auth, algorithms: ["EdDSA"] },
    { ...DEFAULT_JWKS_TIMINGS, ...timings },
  );
  const status = (token: string) =>
    verifier.verify(token).then(
      () => 200,
      (error: unknown) => {
        if (error instanceof TokenRejected) return 401;
        if (error instanceof KeysUnavailable) return 503;
        throw error;
      },
    );
  return { jwks, key, verifier, status };
}

/** Tokens under made-up kids (signed by a key no JWKS holds). */
const madeUpKid = async () => signToken(await createSigningKey(), "user_a");

/** Calls `request` back to back from `clients` loops for `ms`; counts the answers by status. */
async function hammer(ms: number, clients: number, request: () => Promise<number>) {
  const counts: Record<number, number> = {};
  const until = Date.now() + ms;
  const loop = async () => {
    while (Date.now() < until) {
      const status = await request();
      counts[status] = (counts[status] ?? 0) + 1;
      await sleep(5);
    }
  };
  await Promise.all(Array.from({ length: clients }, loop));
  return counts;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const gaps = (times: number[]) => times.slice(1).map((time, i) => time - (times[i] ?? time));

describe("JWKS fetching and caching", () => {
  test("the keys are fetched once, on first use, and shared by concurrent requests", async () => {
    const { jwks, key, app, list } = await setup();
    expect(jwks.hits).toBe(0);
    const token = await signToken(key, "user_a");
    const statuses = await Promise.all(Array.from({ length: 8 }, () => list(token)));
    expect(statuses.map((s) => s.status)).toEqual(Array(8).fill(200));
    expect((await list(token)).status).toBe(200);
    expect(jwks.hits).toBe(1);
    expect(app.jwksFetches()).toBe(1);
  });

  test("200 concurrent requests under a newly published kid share one fetch, and all pass", async () => {
    const { jwks, key, status } = await verifierSetup({ refetchIntervalMs: 300 });
    expect(await status(await signToken(key, "user_a"))).toBe(200);
    const rotated = await jwks.addKey();
    const tokens = await Promise.all(
      Array.from({ length: 200 }, (_, i) => signToken(rotated, `user_${i}`)),
    );
    expect(await Promise.all(tokens.map(status))).toEqual(Array(200).fill(200));
    expect(jwks.hits).toBe(2);
  });

  test("200 concurrent requests under made-up kids share one fetch, and all get a 401", async () => {
    const { jwks, key, status } = await verifierSetup({ refetchIntervalMs: 0 });
    expect(await status(await signToken(key, "user_a"))).toBe(200);
    const tokens = await Promise.all(Array.from({ length: 200 }, madeUpKid));
    expect(await Promise.all(tokens.map(status))).toEqual(Array(200).fill(401));
    expect(jwks.hits).toBe(2);
  });

  test("an unknown kid within the interval waits for the fetch at its end, never a 401", async () => {
    const { jwks, key, status } = await verifierSetup({ refetchIntervalMs: 500 });
    expect(await status(await signToken(key, "user_a"))).toBe(200);
    const rotated = await jwks.addKey();
    expect(await status(await signToken(rotated, "user_a"))).toBe(200);
    expect(jwks.hits).toBe(2);
    // Measured where the requests arrive: ≥ 500 ms apart, less what connecting took.
    expect(gaps(jwks.hitTimes)[0]).toBeGreaterThanOrEqual(450);
  });

  test("the default interval is 2 s: a flood of made-up kids costs one fetch per 2 s", async () => {
    const { jwks, key, status } = await verifierSetup({});
    expect(await status(await signToken(key, "user_a"))).toBe(200);
    const tokens = await Promise.all(Array.from({ length: 50 }, madeUpKid));
    let next = 0;
    // 2.5 s of flood: fetches at 0 (first use), 2 s and 4 s (for the requests still waiting).
    const counts = await hammer(2_500, 10, () => status(tokens[next++ % tokens.length] ?? ""));
    expect(Object.keys(counts)).toEqual(["401"]);
    expect(jwks.hits).toBe(3);
  }, 20_000);

  test("a JWKS answering 500 is asked again only after a backoff doubling to its cap", async () => {
    const timings = { refetchIntervalMs: 0, maxAgeMs: 0, backoffMs: 100, backoffMaxMs: 1_600 };
    const { jwks, key, status } = await verifierSetup(timings);
    const token = await signToken(key, "user_a");
    expect(await status(token)).toBe(200);
    jwks.state = "error";
    // Every verification wants a refresh (maxAge 0); the keys held keep verifying meanwhile.
    const counts = await hammer(2_300, 4, () => status(token));
    expect(Object.keys(counts)).toEqual(["200"]);
    // Failed fetches at 0, 100, 300, 700 and 1500 ms (each wait counted from the failure).
    const failures = jwks.hitTimes.slice(1);
    expect(failures).toHaveLength(5);
    const waits = gaps(failures);
    expect(waits.map((gap, i) => gap >= 100 * 2 ** i)).toEqual([true, true, true, true]);
  }, 20_000);

  test("the backoff starts again from its first step after a success", async () => {
    const timings = { refetchIntervalMs: 0, maxAgeMs: 0, backoffMs: 300, backoffMaxMs: 60_000 };
    const { jwks, key, status } = await verifierSetup(timings);
    const token = await signToken(key, "user_a");
    expect(await status(token)).toBe(200);
    jwks.state = "error";
    expect(await hammer(700, 2, () => status(token))).toEqual({ 200: expect.any(Number) });
    // Failed at 0 and 300 ms; the next may start at 900 ms.
    expect(jwks.hits).toBe(3);
    await sleep(400);
    jwks.state = "up";
    expect(await status(token)).toBe(200);
    await sleep(50); // the background refresh succeeds
    jwks.state = "error";
    // Back to 300 ms: failures at 0 and 300 ms within 500 ms (not one, 2.4 s apart).
    await hammer(500, 2, () => status(token));
    expect(jwks.hits).toBe(6);
  }, 20_000);

  test("JWKS never fetched and answering 500: 503s, with fetches only after each backoff", async () => {
    const { jwks, key, status } = await verifierSetup({ backoffMs: 200, backoffMaxMs: 400 });
    jwks.state = "error";
    const token = await signToken(key, "user_a");
    // Fetches at 0, 200, 600 and 1000 ms (the next at 1400) within 1.2 s; 503s meanwhile.
    expect(Object.keys(await hammer(1_200, 8, () => status(token)))).toEqual(["503"]);
    expect(jwks.hits).toBe(4);
  });

  test("an unknown kid during an outage is a 401 at once, not a 503 nor a wait", async () => {
    const { jwks, key, list } = await setup({ refetchIntervalMs: 0 });
    expect((await list(await signToken(key, "user_a"))).status).toBe(200);
    jwks.state = "unreachable";
    const rotated = await jwks.addKey();
    expect((await list(await signToken(rotated, "user_a"))).outcome).toEqual(
      refused("Invalid authentication token"),
    );
  });

  test.each([
    ["unreachable", "unreachable" as const],
    ["answering HTTP 500", "error" as const],
  ])("JWKS never fetched and %s: 503, then 200 once it is back", async (_, state) => {
    const { jwks, key, list } = await setup({ backoffMs: 100 });
    jwks.state = state;
    const token = await signToken(key, "user_a");
    const down = await list(token);
    expect({ status: down.status, body: down.body }).toEqual(UNAVAILABLE);
    jwks.state = "up";
    await sleep(150); // the backoff after the failed fetch
    expect((await list(token)).status).toBe(200);
  });

  test("JWKS never fetched: an invalid token is still a 401 (no fetch needed to refuse it)", async () => {
    const { jwks, list } = await setup();
    jwks.state = "unreachable";
    expect((await list("garbage")).outcome).toEqual(refused("Invalid authentication token"));
    expect(jwks.hits).toBe(0);
  });

  test("a key removed from the JWKS stops working after the next refresh", async () => {
    const { jwks, key, list } = await setup({ refetchIntervalMs: 0, maxAgeMs: 0 });
    const token = await signToken(key, "user_a");
    expect((await list(token)).status).toBe(200);
    const replacement = await jwks.addKey();
    jwks.removeKey(key);
    // The refresh runs in the background; the old key is refused once it has completed.
    let status = 200;
    for (let i = 0; i < 50 && status === 200; i += 1) {
      status = (await list(token)).status;
      if (status === 200) await sleep(20);
    }
    expect(status).toBe(401);
    expect((await list(await signToken(replacement, "user_a"))).status).toBe(200);
  });
});
