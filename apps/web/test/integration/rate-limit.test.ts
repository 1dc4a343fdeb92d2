import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimit } from "../../src/lib/db/schema";
import { signInAttempt } from "../../src/lib/db/sign-in-attempt-schema";
import { type AuthServer, signUp, startAuthServer, uniqueEmail } from "./harness";

// Each server is a production web app. The tests connect from 127.0.0.1; where that address is a
// trusted proxy, they play the proxy and name the client in X-Forwarded-For.
let behindProxy: AuthServer;
let exposed: AuthServer;
let accounts: AuthServer;
/** A second replica of `accounts`, on the same database. */
let replica: AuthServer;

const PROXIED = { APP_ENV: "production", TRUSTED_PROXIES: "127.0.0.1/32" };

beforeAll(async () => {
  [behindProxy, exposed, accounts] = await Promise.all([
    startAuthServer(PROXIED),
    startAuthServer({ APP_ENV: "production" }),
    startAuthServer(PROXIED),
  ]);
  const secret = accounts.env.BETTER_AUTH_SECRET ?? "";
  replica = await startAuthServer({ ...PROXIED, BETTER_AUTH_SECRET: secret }, accounts.database);
});

afterAll(async () => {
  await replica?.close();
  await Promise.all([behindProxy?.close(), exposed?.close(), accounts?.close()]);
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

const PASSWORD = "correct horse battery";

/** A sign-in from a client at `address`, through the trusted proxy. */
async function signInFrom(server: AuthServer, address: string, email: string, password: string) {
  const response = await fetch(`${server.origin}/api/auth/sign-in/email`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: server.origin,
      "x-forwarded-for": address,
    },
    body: JSON.stringify({ email, password }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    body: (await response.json()) as unknown,
  };
}

/** Failed attempts on one account, each from its own address in 198.51.100.0/24. */
async function failures(server: AuthServer, email: string, count: number, from: number) {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    statuses.push((await signInFrom(server, `198.51.100.${from + i}`, email, "wrong")).status);
  }
  return statuses;
}

async function account(label: string) {
  const email = uniqueEmail(label);
  const response = await signUp(accounts, { email, password: PASSWORD });
  if (response.status !== 200) throw new Error(`sign-up failed: ${response.status}`);
  return email;
}

describe("per-account sign-in limit: 10 attempts in 15 minutes, whatever the address", () => {
  it("refuses the 11th attempt on an account even with the right password; another account signs in", async () => {
    const victim = await account("victim");
    const other = await account("other");

    expect(await failures(accounts, victim, 10, 1)).toEqual(Array(10).fill(401));
    const refused = await signInFrom(accounts, "198.51.100.11", victim.toUpperCase(), PASSWORD);

    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      code: "TOO_MANY_SIGN_IN_ATTEMPTS",
      message: "Too many sign-in attempts for this account. Try again in 15 minutes.",
    });
    expect(Number(refused.retryAfter)).toBeGreaterThan(880);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(900);
    expect((await signInFrom(accounts, "198.51.100.1", other, PASSWORD)).status).toBe(200);
  });

  it("counts in the shared database: attempts on two replicas add up", async () => {
    const email = await account("shared");

    expect(await failures(accounts, email, 5, 21)).toEqual(Array(5).fill(401));
    expect(await failures(replica, email, 5, 26)).toEqual(Array(5).fill(401));
    expect((await signInFrom(replica, "198.51.100.31", email, PASSWORD)).status).toBe(429);

    const key = createHash("sha256").update(email).digest("hex");
    const rows = await accounts.database.db.select().from(signInAttempt);
    expect(rows.filter((row) => row.key === key).map((row) => row.count)).toEqual([11]);
  });

  it("a successful sign-in starts the count again", async () => {
    const email = await account("forgetful");

    expect(await failures(accounts, email, 9, 41)).toEqual(Array(9).fill(401));
    expect((await signInFrom(accounts, "198.51.100.50", email, PASSWORD)).status).toBe(200);
    expect(await failures(accounts, email, 10, 51)).toEqual(Array(10).fill(401));
    expect((await signInFrom(accounts, "198.51.100.61", email, PASSWORD)).status).toBe(429);
  });
});
