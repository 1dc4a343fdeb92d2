import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimit } from "../../src/lib/db/schema";
import { type AuthServer, startAuthServer, uniqueEmail } from "./harness";

let server: AuthServer;

beforeAll(async () => {
  server = await startAuthServer({ APP_ENV: "production" });
});

afterAll(async () => {
  await server?.close();
});

function attemptSignIn(clientIp: string) {
  return fetch(`${server.origin}/api/auth/sign-in/email`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: server.origin,
      "x-forwarded-for": clientIp,
    },
    body: JSON.stringify({ email: uniqueEmail(), password: "wrong password" }),
  });
}

describe("rate limiting (APP_ENV=production)", () => {
  it("allows 10 sign-in attempts a minute per client, then answers 429", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt++) {
      statuses.push((await attemptSignIn("203.0.113.7")).status);
    }

    expect(statuses).toEqual([...Array(10).fill(401), 429]);
  });

  it("counts per client address", async () => {
    const other = await attemptSignIn("203.0.113.8");

    expect(other.status).toBe(401);
  });

  it("keeps its counters in the database, where every replica sees them", async () => {
    const rows = await server.database.db.select().from(rateLimit);

    expect(rows.map((row) => row.key).sort()).toEqual([
      "203.0.113.7|/sign-in/email",
      "203.0.113.8|/sign-in/email",
    ]);
  });
});
