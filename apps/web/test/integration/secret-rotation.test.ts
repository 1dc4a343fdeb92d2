import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Auth, createAuth } from "../../src/lib/auth";
import { parseEnv } from "../../src/lib/env";
import {
  type AuthServer,
  fetchToken,
  randomSecret,
  signedUpUser,
  startAuthServer,
  uniqueEmail,
} from "./harness";

/**
 * Rotating BETTER_AUTH_SECRET with Better Auth's versioned secrets: the signing keys encrypted
 * under the old secret keep working, so API tokens keep their key id and the JWKS stays valid.
 */
const oldSecret = randomSecret();
const newSecret = randomSecret();
let before: AuthServer;
let after: Auth;

beforeAll(async () => {
  before = await startAuthServer({ BETTER_AUTH_SECRET: oldSecret });
  // The same deployment after the rotation: same database, new configuration.
  after = createAuth({
    env: parseEnv({
      APP_ENV: "production",
      BETTER_AUTH_URL: before.origin,
      DATA_DIR: before.env.DATA_DIR,
      BETTER_AUTH_SECRET: oldSecret,
      BETTER_AUTH_SECRETS: `2:${newSecret},1:${oldSecret}`,
    }),
    database: before.database,
  });
});

afterAll(async () => {
  await before?.close();
});

/** Calls the rotated instance's handler with real Requests, as its route handler would. */
async function call(path: string, init: { body?: object; cookie?: string } = {}) {
  const response = await after.handler(
    new Request(`${before.origin}/api/auth${path}`, {
      method: init.body ? "POST" : "GET",
      headers: {
        origin: before.origin,
        "content-type": "application/json",
        ...(init.cookie ? { cookie: init.cookie } : {}),
      },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    }),
  );
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  return { status: response.status, json: await response.json(), cookie };
}

describe("BETTER_AUTH_SECRETS=2:<new>,1:<old> with BETTER_AUTH_SECRET=<old>", () => {
  it("keeps signing API tokens with the key made under the old secret", async () => {
    const { cookie } = await signedUpUser(before);
    const kidBefore = decodeProtectedHeader(await fetchToken(before, cookie)).kid;
    const email = uniqueEmail("rotated");
    const signUp = await call("/sign-up/email", {
      body: { email, password: "long enough password", name: "R" },
    });

    const token = await call("/token", { cookie: signUp.cookie });
    const jwks = createRemoteJWKSet(new URL(`${before.origin}/api/auth/jwks`));
    const { payload, protectedHeader } = await jwtVerify(token.json.token, jwks, {
      issuer: before.origin,
      audience: before.origin,
    });

    expect([signUp.status, token.status]).toEqual([200, 200]);
    expect(protectedHeader.kid).toBe(kidBefore);
    expect(payload.email).toBe(email);
  });

  it("signs sessions with the new secret, so sessions from before must sign in again", async () => {
    const { cookie } = await signedUpUser(before);

    const session = await call("/get-session", { cookie });

    expect(session.status).toBe(200);
    expect(session.json).toBeNull();
  });
});
