import { describe, expect, test } from "vitest";
import {
  authOutcome,
  FORBIDDEN_TASK,
  HS256_SECRET,
  outcome,
  refused,
  setupTestApi,
  signHs256Token,
  signToken,
  unsignedToken,
} from "../../test/harness.ts";

/** JWT_MODE=hs256: HS256 with JWT_SECRET (the web app's BETTER_AUTH_SECRET), nothing else. */
const api = setupTestApi({ env: { JWT_MODE: "hs256", JWT_SECRET: HS256_SECRET } });

const INVALID = refused("Invalid authentication token");

const listWithToken = (token: string) => api.withToken(token).get("/api/tasks");

describe("hs256 mode", () => {
  test("an HS256 token signed with JWT_SECRET works on every kind of route", async () => {
    const alice = await api.user("alice");
    const created = await alice.post("/api/tasks", { title: "Shared secret" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ user_id: alice.id });
    const listed = await alice.get("/api/tasks");
    expect(listed.body).toEqual([created.body]);
  });

  test("the JWKS endpoint is never contacted", async () => {
    const alice = await api.user("alice");
    expect((await alice.get("/api/tasks")).status).toBe(200);
    expect(api.jwks.hits).toBe(0);
  });

  test("an EdDSA token from the JWKS key is refused", async () => {
    const token = await signToken(api.key, "user_eddsa");
    expect(authOutcome(await listWithToken(token))).toEqual(INVALID);
  });

  test("an HS256 token signed with another secret is refused", async () => {
    const token = await signHs256Token("another-secret-that-is-also-32-bytes!!", "user_x");
    expect(authOutcome(await listWithToken(token))).toEqual(INVALID);
  });

  test("HS384/HS512 with the right secret are refused: HS256 only", async () => {
    for (const alg of ["HS384", "HS512"]) {
      const token = await signHs256Token(HS256_SECRET, "user_x", { header: { alg } });
      expect(authOutcome(await listWithToken(token))).toEqual(INVALID);
    }
  });

  test("alg none is refused", async () => {
    expect(authOutcome(await listWithToken(unsignedToken("user_x")))).toEqual(INVALID);
  });

  test.each([
    ["a wrong iss", { iss: "http://evil.example" }],
    ["a wrong aud", { aud: "http://elsewhere.example" }],
    ["no exp", { exp: undefined }],
  ])("%s is refused", async (_, claims) => {
    const token = await signHs256Token(HS256_SECRET, "user_x", { claims });
    expect(authOutcome(await listWithToken(token))).toEqual(INVALID);
  });

  test("an expired token: Token has expired", async () => {
    const token = await signHs256Token(HS256_SECRET, "user_x", { expiresIn: -60 });
    expect(authOutcome(await listWithToken(token))).toEqual(refused("Token has expired"));
  });

  test("no sub: Token missing user identifier", async () => {
    const token = await signHs256Token(HS256_SECRET, "user_x", { claims: { sub: undefined } });
    expect(authOutcome(await listWithToken(token))).toEqual(
      refused("Token missing user identifier"),
    );
  });

  test("another user's task is still a 403", async () => {
    const alice = await api.user("alice");
    const bob = await api.user("bob");
    const created = await alice.post("/api/tasks", { title: "Alice's" });
    const id = (created.body as { id: string }).id;
    const response = await bob.get(`/api/tasks/${id}`);
    expect(outcome(response)).toEqual(FORBIDDEN_TASK);
  });
});
