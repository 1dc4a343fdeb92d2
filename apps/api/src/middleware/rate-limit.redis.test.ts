import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { Redis } from "ioredis";
import { afterAll, describe, expect, test } from "vitest";
import { randomId, setupTestApi } from "../../test/harness.ts";

/**
 * The limits on a real Redis (127.0.0.1:6379, as on every machine and in CI). Each run writes
 * under its own key prefix and deletes only those keys.
 */
const REDIS_URL = "redis://127.0.0.1:6379";
const PREFIX = `taskline-test:${randomUUID()}`;
const LIMITS = { RATE_LIMIT_REQUESTS_PER_MINUTE: "4", RATE_LIMIT_WRITES_PER_MINUTE: "2" };

const api = setupTestApi();
const redis = new Redis(REDIS_URL);

afterAll(async () => {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${PREFIX}:*`, "COUNT", 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== "0");
  await redis.quit();
});

/** A port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

describe("with REDIS_URL, replicas share the counts", () => {
  test("two instances on one Redis: the user's requests to both count against one limit", async () => {
    const env = { ...LIMITS, REDIS_URL };
    const one = await api.startApp({ env, rateLimitKeyPrefix: PREFIX });
    const two = await api.startApp({ env, rateLimitKeyPrefix: PREFIX });
    const id = randomId("alice");
    const token = await api.tokenFor(id);
    const [viaOne, viaTwo] = [one.client(token), two.client(token)];

    const answers = [];
    for (const client of [viaOne, viaTwo, viaOne, viaTwo, viaOne, viaTwo]) {
      const response = await client.get("/api/tasks");
      answers.push([response.status, response.headers.get("ratelimit")?.split(";t=")[0]]);
    }
    expect(answers).toEqual([
      [200, '"requests";r=3'],
      [200, '"requests";r=2'],
      [200, '"requests";r=1'],
      [200, '"requests";r=0'],
      [429, '"requests";r=0'],
      [429, '"requests";r=0'],
    ]);
    expect(await redis.get(`${PREFIX}:requests:${id}`)).toBe("6");
    const ttl = await redis.ttl(`${PREFIX}:requests:${id}`);
    expect(ttl).toBeGreaterThan(50);
    expect(ttl).toBeLessThanOrEqual(60);
  });

  test("writes too: two creates through one instance, the third through the other is refused", async () => {
    const env = { ...LIMITS, REDIS_URL };
    const one = await api.startApp({ env, rateLimitKeyPrefix: PREFIX });
    const two = await api.startApp({ env, rateLimitKeyPrefix: PREFIX });
    const token = await api.tokenFor(randomId("bob"));

    expect((await one.client(token).post("/api/tasks", { title: "One" })).status).toBe(201);
    expect((await one.client(token).post("/api/tasks", { title: "Two" })).status).toBe(201);
    const refused = await two.client(token).post("/api/tasks", { title: "Three" });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("ratelimit")).toMatch(/^"requests";r=1;t=\d+, "writes";r=0;t=\d+$/);
  });
});

describe("Redis unreachable", () => {
  test("each instance limits on its own (the insurance limiter): answers, never a 500", async () => {
    const app = await api.startApp({
      env: { ...LIMITS, REDIS_URL: `redis://127.0.0.1:${await closedPort()}` },
      rateLimitKeyPrefix: PREFIX,
    });
    const user = app.client(await api.tokenFor(randomId("carol")));

    const answers = [];
    for (let i = 0; i < 5; i++) {
      const response = await user.get("/api/tasks");
      answers.push([response.status, response.headers.get("ratelimit")?.split(";t=")[0]]);
    }
    expect(answers).toEqual([
      [200, '"requests";r=3'],
      [200, '"requests";r=2'],
      [200, '"requests";r=1'],
      [200, '"requests";r=0'],
      [429, '"requests";r=0'],
    ]);
    const warnings = app.logs
      .map((line) => JSON.parse(line) as { level: number; msg: string })
      .filter((line) => line.msg.startsWith("rate limits:"));
    expect(warnings).toEqual([
      expect.objectContaining({
        level: 40,
        msg: "rate limits: Redis unreachable, counting in this process until it is back",
      }),
    ]);
  });
});
