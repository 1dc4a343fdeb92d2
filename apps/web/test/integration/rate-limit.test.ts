import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimit } from "../../src/lib/db/schema";
import { type AuthServer, startAuthServer, uniqueEmail } from "./harness";

// Each server is a production web app. The tests connect from 127.0.0.1; where that address is a
// trusted proxy, they play the proxy and name the client in X-Forwarded-For.
let behindProxy: AuthServer;
let exposed: AuthServer;

const PROXIED = { APP_ENV: "production", TRUSTED_PROXIES: "127.0.0.1/32" };

beforeAll(async () => {
  [behindProxy, exposed] = await Promise.all([
    startAuthServer(PROXIED),
    startAuthServer({ APP_ENV: "production" }),
  ]);
});

afterAll(async () => {
  await Promise.all([behindProxy?.close(), exposed?.close()]);
});

function attemptSignIn(server: AuthServer, headers: Record<string, string>, email = uniqueEmail()) {
  return fetch(`${server.origin}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.origin, ...headers },
    body: JSON.stringify({ email, password: "wrong password" }),
  });
}

async function keysOf(server: AuthServer) {
  const rows = await server.database.db.select().from(rateLimit);
  return rows.map((row) => row.key).sort();
}

describe("rate limiting behind a trusted proxy (APP_ENV=production, TRUSTED_PROXIES=127.0.0.1/32)", () => {
  it("allows 10 sign-in attempts a minute per client, then answers 429", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt++) {
      statuses.push(
        (await attemptSignIn(behindProxy, { "x-forwarded-for": "203.0.113.7" })).status,
      );
    }

    expect(statuses).toEqual([...Array(10).fill(401), 429]);
  });

  it("counts per client address", async () => {
    const other = await attemptSignIn(behindProxy, { "x-forwarded-for": "203.0.113.8" });

    expect(other.status).toBe(401);
  });

  it("takes the address the proxy appended: what the client wrote before it changes nothing", async () => {
    const statuses: number[] = [];
    for (const forged of ["198.51.100.1", "198.51.100.2", "not an address"]) {
      const response = await attemptSignIn(behindProxy, {
        "x-forwarded-for": `${forged}, 203.0.113.7`,
      });
      statuses.push(response.status);
    }

    expect(statuses).toEqual([429, 429, 429]);
  });

  it("keeps its counters in the database, where every replica sees them", async () => {
    expect(await keysOf(behindProxy)).toEqual([
      "203.0.113.7|/sign-in/email",
      "203.0.113.8|/sign-in/email",
    ]);
  });
});

describe("rate limiting with no trusted proxy (APP_ENV=production, TRUSTED_PROXIES unset)", () => {
  it("keys on the connection's address: a new X-Forwarded-For per attempt does not escape the limit", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt++) {
      const response = await attemptSignIn(exposed, {
        "x-forwarded-for": `198.51.100.${attempt}`,
        // Nor do the app's own headers, when a client sends them.
        "x-taskline-client-address": `192.0.2.${attempt}`,
        "x-taskline-peer": `forged 192.0.2.${attempt}`,
      });
      statuses.push(response.status);
    }

    expect(statuses).toEqual([...Array(10).fill(401), 429]);
    expect(await keysOf(exposed)).toEqual(["127.0.0.1|/sign-in/email"]);
  });
});
