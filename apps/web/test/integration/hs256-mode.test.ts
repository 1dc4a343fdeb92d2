import { decodeJwt, decodeProtectedHeader, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVerifier } from "../../../api/src/lib/jwt.ts";
import {
  type AuthServer,
  fetchToken,
  get,
  randomSecret,
  signedUpUser,
  startAuthServer,
} from "./harness";

const secret = randomSecret();
let server: AuthServer;

beforeAll(async () => {
  server = await startAuthServer({ JWT_MODE: "hs256", BETTER_AUTH_SECRET: secret });
});

afterAll(async () => {
  await server?.close();
});

describe("JWT_MODE=hs256", () => {
  it("issues HS256 tokens with the same lean claims, signed with BETTER_AUTH_SECRET", async () => {
    const { email, cookie, userId } = await signedUpUser(server);

    const token = await fetchToken(server, cookie);
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ["HS256"],
      issuer: server.origin,
      audience: server.origin,
    });

    expect(decodeProtectedHeader(token)).toEqual({ alg: "HS256", typ: "JWT" });
    expect(Object.keys(decodeJwt(token)).sort()).toEqual([
      "aud",
      "email",
      "exp",
      "iat",
      "iss",
      "sub",
    ]);
    expect(payload).toMatchObject({ sub: userId, email });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(15 * 60);
  });

  it("is accepted by the API's verifier in hs256 mode with JWT_SECRET = BETTER_AUTH_SECRET", async () => {
    const { email, cookie, userId } = await signedUpUser(server);
    const token = await fetchToken(server, cookie);
    const verifier = createVerifier({
      mode: "hs256",
      secret,
      issuer: server.origin,
      audience: server.origin,
    });

    await expect(verifier.verify(token)).resolves.toEqual({ id: userId, email });
  });

  it("is refused by an API holding a different secret", async () => {
    const { cookie } = await signedUpUser(server);
    const token = await fetchToken(server, cookie);
    const verifier = createVerifier({
      mode: "hs256",
      secret: randomSecret(),
      issuer: server.origin,
      audience: server.origin,
    });

    await expect(verifier.verify(token)).rejects.toMatchObject({ name: "TokenRejected" });
  });

  it("publishes no JWKS: there is no public key for a shared secret", async () => {
    const response = await get(server, "/jwks");

    expect(response.status).toBe(404);
  });
});
