import { SignJWT } from "jose";
import { describe, expect, test } from "vitest";
import {
  AUDIENCE,
  authOutcome,
  createSigningKey,
  ISSUER,
  refused,
  setupTestApi,
  signHs256Token,
  signToken,
  unsignedToken,
} from "../../test/harness.ts";

const api = setupTestApi();

const NOT_AUTHENTICATED = refused("Not authenticated");
const INVALID = refused("Invalid authentication token");
const EXPIRED = refused("Token has expired");
const NO_SUB = refused("Token missing user identifier");

/** GET /api/tasks with this Authorization header value (or none). */
const listWith = (authorization?: string) =>
  api.anonymous.fetch("/api/tasks", {
    headers: authorization === undefined ? {} : { authorization },
  });

const listWithToken = (token: string) => listWith(`Bearer ${token}`);

describe("the bearer header", () => {
  test.each([
    ["missing", undefined],
    ["empty", ""],
    ["another scheme", "Basic dXNlcjpwYXNz"],
    ["a bare token without scheme", "eyJhbGciOiJFZERTQSJ9.e30.sig"],
    ["the scheme without a token", "Bearer"],
    ["two tokens", "Bearer a.b.c d.e.f"],
  ])("%s: 401 Not authenticated", async (_, header) => {
    expect(authOutcome(await listWith(header))).toEqual(NOT_AUTHENTICATED);
  });

  test("the scheme is case-insensitive", async () => {
    const token = await signToken(api.key, "user_case");
    expect((await listWith(`bearer ${token}`)).status).toBe(200);
    expect((await listWith(`BEARER ${token}`)).status).toBe(200);
  });
});

describe("a valid token", () => {
  test("is accepted and its sub is the user", async () => {
    const token = await signToken(api.key, "user_valid");
    const created = await api.withToken(token).post("/api/tasks", { title: "Mine" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ user_id: "user_valid" });
  });

  test("expired by less than the 5 s leeway is still accepted", async () => {
    const token = await signToken(api.key, "user_leeway", { expiresIn: -2 });
    expect((await listWithToken(token)).status).toBe(200);
  });
});

describe("every kind of bad token: 401", () => {
  test("malformed", async () => {
    expect(authOutcome(await listWithToken("not-a-jwt"))).toEqual(INVALID);
    expect(authOutcome(await listWithToken("a.b.c"))).toEqual(INVALID);
  });

  test("a bad signature", async () => {
    const [header, payload, signature = ""] = (await signToken(api.key, "user_x")).split(".");
    const flipped = (signature[0] === "A" ? "B" : "A") + signature.slice(1);
    expect(authOutcome(await listWithToken(`${header}.${payload}.${flipped}`))).toEqual(INVALID);
  });

  test("a payload changed after signing", async () => {
    const [header, , signature] = (await signToken(api.key, "user_x")).split(".");
    const payload = Buffer.from(
      JSON.stringify({ sub: "someone_else", iss: ISSUER, aud: AUDIENCE, exp: 9_999_999_999 }),
    ).toString("base64url");
    expect(authOutcome(await listWithToken(`${header}.${payload}.${signature}`))).toEqual(INVALID);
  });

  test("alg none", async () => {
    expect(authOutcome(await listWithToken(unsignedToken("user_none")))).toEqual(INVALID);
  });

  test("HS256 signed with the public key's PEM bytes (algorithm confusion)", async () => {
    const token = await signHs256Token(new TextEncoder().encode(api.key.publicPem), "user_x", {
      header: { kid: api.key.kid },
    });
    expect(authOutcome(await listWithToken(token))).toEqual(INVALID);
  });

  test("HS256 signed with the public key's raw bytes", async () => {
    const raw = Buffer.from(String(api.key.publicJwk.x), "base64url");
    const token = await signHs256Token(raw, "user_x", { header: { kid: api.key.kid } });
    expect(authOutcome(await listWithToken(token))).toEqual(INVALID);
  });

  test("HS256 signed with any secret (never accepted in jwks mode)", async () => {
    const token = await signHs256Token("a-secret-of-at-least-32-bytes-length!!", "user_x");
    expect(authOutcome(await listWithToken(token))).toEqual(INVALID);
  });

  test.each([
    ["a wrong iss", { iss: "http://evil.example" }],
    ["no iss", { iss: undefined }],
    ["a wrong aud", { aud: "http://other-api.example" }],
    ["no aud", { aud: undefined }],
    ["no exp", { exp: undefined }],
    ["an nbf in the future", { nbf: Math.floor(Date.now() / 1000) + 600 }],
  ])("%s", async (_, claims) => {
    const token = await signToken(api.key, "user_x", { claims });
    expect(authOutcome(await listWithToken(token))).toEqual(INVALID);
  });

  test("expired: Token has expired", async () => {
    const token = await signToken(api.key, "user_x", { expiresIn: -60 });
    expect(authOutcome(await listWithToken(token))).toEqual(EXPIRED);
  });

  test("expired by more than the leeway: Token has expired", async () => {
    const token = await signToken(api.key, "user_x", { expiresIn: -10 });
    expect(authOutcome(await listWithToken(token))).toEqual(EXPIRED);
  });

  test.each([
    ["no sub", { sub: undefined }],
    ["an empty sub", { sub: "" }],
    ["a sub that is not a string", { sub: 42 }],
  ])("%s: Token missing user identifier", async (_, claims) => {
    const token = await signToken(api.key, "user_x", { claims });
    expect(authOutcome(await listWithToken(token))).toEqual(NO_SUB);
  });

  test("a sub the database could not store", async () => {
    const token = await signToken(api.key, "user_x", { claims: { sub: "bad\u0000id" } });
    expect(authOutcome(await listWithToken(token))).toEqual(INVALID);
  });

  test("an unknown kid (a key the JWKS does not have)", async () => {
    const stranger = await createSigningKey();
    expect(authOutcome(await listWithToken(await signToken(stranger, "user_x")))).toEqual(INVALID);
  });

  test("a known kid on a token signed by another key", async () => {
    const stranger = await createSigningKey();
    const token = await signToken(stranger, "user_x", { header: { kid: api.key.kid } });
    expect(authOutcome(await listWithToken(token))).toEqual(INVALID);
  });

  test("ES256 is refused unless AUTH_ALGORITHMS allows it", async () => {
    const es256 = await api.jwks.addKey("ES256");
    const token = await signToken(es256, "user_es");
    expect(authOutcome(await listWithToken(token))).toEqual(INVALID);

    const lenient = await api.startApp({ env: { AUTH_ALGORITHMS: "EdDSA,ES256" } });
    expect((await lenient.client(token).get("/api/tasks")).status).toBe(200);
    api.jwks.removeKey(es256);
  });
});

describe("logs", () => {
  test("an auth failure logs its reason with the request, and never the token", async () => {
    const token = await signToken(api.key, "user_log", { expiresIn: -60 });
    const response = await listWithToken(token);
    expect(response.status).toBe(401);
    const requestId = response.headers.get("x-request-id");
    const lines = api.app.logs.filter((line) => line.includes(`"reqId":"${requestId}"`));
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(["request"]);
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({
      status: 401,
      authFailure: 'ERR_JWT_EXPIRED: "exp" claim timestamp check failed',
    });
    const signature = token.split(".")[2] ?? "";
    expect(api.app.logs.some((line) => line.includes(signature))).toBe(false);
  });

  test("a successful request logs the user id and never the token", async () => {
    const token = await signToken(api.key, "user_logged");
    const response = await listWithToken(token);
    const requestId = response.headers.get("x-request-id");
    const line = api.app.logs.find((l) => l.includes(`"reqId":"${requestId}"`));
    expect(JSON.parse(line ?? "{}")).toMatchObject({
      msg: "request",
      method: "GET",
      path: "/api/tasks",
      status: 200,
      userId: "user_logged",
    });
    expect(api.app.logs.some((l) => l.includes(token.split(".")[2] ?? ""))).toBe(false);
  });
});

describe("a token the web app would mint", () => {
  test("header {alg, kid} and payload {sub, email, iat, exp, iss, aud} exactly", async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ email: "web@example.com" })
      .setProtectedHeader({ alg: "EdDSA", kid: api.key.kid })
      .setSubject("user_web")
      .setIssuedAt(now)
      .setExpirationTime(now + 900)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .sign(api.key.privateKey);
    expect((await listWithToken(token)).status).toBe(200);
  });
});
