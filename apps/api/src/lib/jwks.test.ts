import { afterEach, describe, expect, test } from "vitest";
import { authOutcome, JwksServer, refused, setupTestApi, signToken } from "../../test/harness.ts";

const api = setupTestApi();

const UNAVAILABLE = { status: 503, body: { detail: "Authentication service unavailable" } };

const servers: JwksServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A JWKS server of its own with one key, and an app using it with these timings. */
async function setup(timings: { cooldownMs?: number; maxAgeMs?: number } = {}) {
  const jwks = new JwksServer();
  servers.push(jwks);
  await jwks.start();
  const key = await jwks.addKey();
  const app = await api.startApp({ timings }, jwks.url);
  const list = async (token: string) => {
    const response = await app.client(token).get("/api/tasks");
    return { status: response.status, body: response.body, outcome: authOutcome(response) };
  };
  return { jwks, key, app, list };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

  test("a key added to the JWKS after start-up is picked up (unknown kid → refetch)", async () => {
    const { jwks, key, list } = await setup({ cooldownMs: 0 });
    expect((await list(await signToken(key, "user_a"))).status).toBe(200);
    const rotated = await jwks.addKey();
    expect((await list(await signToken(rotated, "user_a"))).status).toBe(200);
    expect(jwks.hits).toBe(2);
  });

  test("an unknown kid refetches at most once per cooldown", async () => {
    const { jwks, key, list } = await setup({ cooldownMs: 1_000 });
    expect((await list(await signToken(key, "user_a"))).status).toBe(200);
    const rotated = await jwks.addKey();
    const early = await signToken(rotated, "user_a");
    // Within the cooldown: refused without asking the JWKS endpoint again.
    expect((await list(early)).outcome).toEqual(refused("Invalid authentication token"));
    expect((await list(early)).outcome).toEqual(refused("Invalid authentication token"));
    expect(jwks.hits).toBe(1);
    await sleep(1_100);
    expect((await list(early)).status).toBe(200);
    expect(jwks.hits).toBe(2);
  });

  test("the default cooldown is 30 s: a flood of unknown kids causes no refetch", async () => {
    const { jwks, key, list } = await setup();
    expect((await list(await signToken(key, "user_a"))).status).toBe(200);
    const stranger = await jwks.addKey();
    jwks.removeKey(stranger);
    for (let i = 0; i < 5; i += 1) {
      expect((await list(await signToken(stranger, "user_a"))).status).toBe(401);
    }
    expect(jwks.hits).toBe(1);
  });

  test("keys already fetched keep working while the JWKS endpoint is down", async () => {
    // maxAge 0: every request wants a refresh; each one fails, the cached key still verifies.
    const { jwks, key, list } = await setup({ cooldownMs: 0, maxAgeMs: 0 });
    const token = await signToken(key, "user_a");
    expect((await list(token)).status).toBe(200);
    jwks.state = "unreachable";
    expect((await list(token)).status).toBe(200);
    await sleep(100); // let the background refresh fail
    jwks.state = "error";
    expect((await list(token)).status).toBe(200);
    await sleep(100);
    expect((await list(token)).status).toBe(200);
    // One fetch, then one failed refresh per request during the outage.
    expect(jwks.hits).toBe(4);
  });

  test("an unknown kid during an outage is a 401, not a 503", async () => {
    const { jwks, key, list } = await setup({ cooldownMs: 0 });
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
    const { jwks, key, list } = await setup();
    jwks.state = state;
    const token = await signToken(key, "user_a");
    const down = await list(token);
    expect({ status: down.status, body: down.body }).toEqual(UNAVAILABLE);
    jwks.state = "up";
    expect((await list(token)).status).toBe(200);
  });

  test("JWKS never fetched: an invalid token is still a 401 (no fetch needed to refuse it)", async () => {
    const { jwks, list } = await setup();
    jwks.state = "unreachable";
    expect((await list("garbage")).outcome).toEqual(refused("Invalid authentication token"));
    expect(jwks.hits).toBe(0);
  });

  test("a key removed from the JWKS stops working after the next refresh", async () => {
    const { jwks, key, list } = await setup({ cooldownMs: 0, maxAgeMs: 0 });
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
