import { afterEach, describe, expect, test } from "vitest";
import {
  createSigningKey,
  JwksServer,
  type RunningApp,
  setupTestApi,
  signToken,
} from "../../test/harness.ts";
import { DEFAULT_JWKS_TIMINGS } from "./jwks-key-source.ts";

const api = setupTestApi();

const servers: JwksServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const CLIENTS = 20;
const RUN_MS = 3_000;
const PUBLISH_AT_MS = 1_000;

type Tally = { before: Record<number, number>; after: Record<number, number> };

/**
 * CLIENTS users loop on GET /api/tasks for RUN_MS with tokens of the JWKS's key. At PUBLISH_AT_MS
 * the JWKS starts publishing a second key, and each client switches to a token signed by it
 * within the next 0.5 s (as browsers do when their token is renewed). Answers are counted by
 * status, before and after the client switched. `attackers` loop meanwhile with made-up kids.
 */
async function rotateUnderLoad(app: RunningApp, jwks: JwksServer, attackers = 0) {
  const [oldKey] = jwks.keys;
  if (oldKey === undefined) throw new Error("the JWKS has no key");
  const newKey = await createSigningKey();
  const users = Array.from({ length: CLIENTS }, (_, i) => `user_rotation_${i}`);
  const oldTokens = await Promise.all(users.map((id) => signToken(oldKey, id)));
  const newTokens = await Promise.all(users.map((id) => signToken(newKey, id)));
  const madeUp = await Promise.all(
    Array.from({ length: 20 }, async () => signToken(await createSigningKey(), "intruder")),
  );
  const started = Date.now();
  const until = started + RUN_MS;
  const tally: Tally = { before: {}, after: {} };
  const attacks: Record<number, number> = {};
  const count = (counts: Record<number, number>, status: number) => {
    counts[status] = (counts[status] ?? 0) + 1;
  };
  const client = async (i: number) => {
    const switchAt = started + PUBLISH_AT_MS + i * 25;
    while (Date.now() < until) {
      const switched = Date.now() >= switchAt;
      const token = switched ? newTokens[i] : oldTokens[i];
      const response = await app.client(token).get("/api/tasks");
      count(switched ? tally.after : tally.before, response.status);
    }
  };
  const attacker = async (i: number) => {
    for (let n = i; Date.now() < until; n += 1) {
      count(attacks, (await app.client(madeUp[n % madeUp.length]).get("/api/tasks")).status);
    }
  };
  const publish = async () => {
    await sleep(PUBLISH_AT_MS);
    jwks.keys.push(newKey);
  };
  await Promise.all([
    publish(),
    ...users.map((_, i) => client(i)),
    ...Array.from({ length: attackers }, (_, i) => attacker(i)),
  ]);
  return { tally, attacks };
}

async function setup() {
  const jwks = new JwksServer();
  servers.push(jwks);
  await jwks.start();
  await jwks.addKey();
  const app = await api.startApp({}, jwks.url);
  return { jwks, app };
}

describe("key rotation under load (default timings: refetch at most every 2 s)", () => {
  test("20 clients switching to a newly published key: zero 401s, two JWKS fetches", async () => {
    expect(DEFAULT_JWKS_TIMINGS.refetchIntervalMs).toBe(2_000);
    const { jwks, app } = await setup();
    const { tally } = await rotateUnderLoad(app, jwks);
    // Every answer is a 200, before and after the switch: the first requests under the new kid
    // wait for the fetch the interval allows (2 s after the first) instead of being refused.
    expect(Object.keys(tally.before)).toEqual(["200"]);
    expect(Object.keys(tally.after)).toEqual(["200"]);
    // The first use, then one for the new kid (at 2 s).
    expect(jwks.hits).toBe(2);
  }, 20_000);

  test("the same during a flood of made-up kids: zero 401s for valid tokens, one fetch per 2 s", async () => {
    const { jwks, app } = await setup();
    const { tally, attacks } = await rotateUnderLoad(app, jwks, CLIENTS);
    expect(Object.keys(tally.before)).toEqual(["200"]);
    expect(Object.keys(tally.after)).toEqual(["200"]);
    expect(Object.keys(attacks)).toEqual(["401"]);
    // Fetches at 0 (first use), 2 s and 4 s (for made-up kids still waiting after 3 s):
    // 1 + ceil(3 s / 2 s).
    expect(jwks.hits).toBe(3);
  }, 20_000);
});
