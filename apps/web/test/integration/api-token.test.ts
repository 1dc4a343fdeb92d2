import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVerifier } from "../../../api/src/lib/jwt.ts";
import { type AuthServer, fetchToken, get, signedUpUser, startAuthServer } from "./harness";

let server: AuthServer;

beforeAll(async () => {
  server = await startAuthServer();
});

afterAll(async () => {
  await server?.close();
});

describe("GET /api/auth/token", () => {
  it("returns an EdDSA JWT whose claims are exactly sub, email, iat, exp, iss, aud", async () => {
    const { email, cookie, userId } = await signedUpUser(server);

    const token = await fetchToken(server, cookie);
    const header = decodeProtectedHeader(token);
    const claims = decodeJwt(token);

    expect(Object.keys(header).sort()).toEqual(["alg", "kid"]);
    expect(header.alg).toBe("EdDSA");
    expect(Object.keys(claims).sort()).toEqual(["aud", "email", "exp", "iat", "iss", "sub"]);
    expect(claims).toMatchObject({ sub: userId, email, iss: server.origin, aud: server.origin });
  });

  it("expires 15 minutes after it is issued", async () => {
    const { cookie } = await signedUpUser(server);

    const claims = decodeJwt(await fetchToken(server, cookie));
    const now = Math.floor(Date.now() / 1000);

    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(15 * 60);
    expect(Math.abs((claims.iat ?? 0) - now)).toBeLessThanOrEqual(5);
  });

  it("is refused without a session", async () => {
    const response = await get(server, "/token");

    expect(response.status).toBe(401);
  });

  it("is signed by a key published at /api/auth/jwks", async () => {
    const { cookie } = await signedUpUser(server);
    const token = await fetchToken(server, cookie);

    const jwks = createRemoteJWKSet(new URL(`${server.origin}/api/auth/jwks`));
    const { payload, protectedHeader } = await jwtVerify(token, jwks, {
      issuer: server.origin,
      audience: server.origin,
      algorithms: ["EdDSA"],
    });

    expect(protectedHeader.kid).toEqual(expect.any(String));
    expect(payload.sub).toEqual(expect.any(String));
  });

  it("publishes only public Ed25519 keys with kid and alg", async () => {
    const response = await get(server, "/jwks");
    const keys = (response.body?.keys ?? []) as Record<string, unknown>[];

    expect(response.status).toBe(200);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toEqual({
      kty: "OKP",
      crv: "Ed25519",
      alg: "EdDSA",
      kid: expect.any(String),
      x: expect.any(String),
    });
  });

  it("keeps its signing key in the auth database, so every replica signs with the same key", async () => {
    const { cookie } = await signedUpUser(server);
    const token = await fetchToken(server, cookie);

    const rows = await server.database.db.query.jwks.findMany();

    expect(rows.map((row) => row.id)).toEqual([decodeProtectedHeader(token).kid]);
    expect(rows[0]?.privateKey).not.toContain('"d"');
  });
});

describe("the API's own verifier", () => {
  it("accepts the token against the web app's JWKS and reads the user from sub", async () => {
    const { email, cookie, userId } = await signedUpUser(server);
    const token = await fetchToken(server, cookie);
    const verifier = createVerifier({
      mode: "jwks",
      jwksUrl: `${server.origin}/api/auth/jwks`,
      issuer: server.origin,
      audience: server.origin,
      algorithms: ["EdDSA"],
    });

    await expect(verifier.verify(token)).resolves.toEqual({ id: userId, email });
  });

  it("refuses the token when the API expects another audience", async () => {
    const { cookie } = await signedUpUser(server);
    const token = await fetchToken(server, cookie);
    const verifier = createVerifier({
      mode: "jwks",
      jwksUrl: `${server.origin}/api/auth/jwks`,
      issuer: server.origin,
      audience: "https://someone-else.example",
      algorithms: ["EdDSA"],
    });

    await expect(verifier.verify(token)).rejects.toMatchObject({ name: "TokenRejected" });
  });
});
