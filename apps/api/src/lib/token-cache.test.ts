import { afterEach, describe, expect, test, vi } from "vitest";
import {
  AUDIENCE,
  createSigningKey,
  HS256_SECRET,
  ISSUER,
  JwksServer,
  signHs256Token,
  signToken,
  unsignedToken,
} from "../../test/harness.ts";
import { DETAIL } from "./errors.ts";
import { DEFAULT_JWKS_TIMINGS } from "./jwks-key-source.ts";
import { createVerifier, TokenRejected } from "./jwt.ts";
import { CachedRefusal, MAX_CACHED_TOKEN_LENGTH, TokenCache } from "./token-cache.ts";

const alice = { id: "user_alice", email: "alice@example.com" };
const bob = { id: "user_bob", email: null };
const refusal = () => new TokenRejected(DETAIL.invalidToken, "bad signature", true);
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

describe("TokenCache", () => {
  test("serves an accepted token until its exp, then forgets it", () => {
    let now = 1_000_000;
    const cache = new TokenCache({ keysVersion: () => 0, now: () => now });
    cache.rememberAccepted("t1", cache.version(), alice, 1_010);
    expect(cache.lookup("t1")).toEqual(alice);
    now = 1_009_999;
    expect(cache.lookup("t1")).toEqual(alice);
    now = 1_010_000;
    expect(cache.lookup("t1")).toBeUndefined();
    expect(cache.size).toEqual({ accepted: 0, refused: 0 });
  });

  test("keeps each bound, evicting the least recently used entry", () => {
    const cache = new TokenCache({ keysVersion: () => 0, maxAccepted: 2, maxRefused: 1 });
    const version = cache.version();
    cache.rememberAccepted("a", version, alice, inAnHour());
    cache.rememberAccepted("b", version, bob, inAnHour());
    expect(cache.lookup("a")).toEqual(alice); // now "b" is the least recently used
    cache.rememberAccepted("c", version, bob, inAnHour());
    expect(cache.lookup("b")).toBeUndefined();
    expect(cache.lookup("a")).toEqual(alice);
    expect(cache.lookup("c")).toEqual(bob);
    cache.rememberRefused("x", version, refusal());
    cache.rememberRefused("y", version, refusal());
    expect(cache.lookup("x")).toBeUndefined();
    expect(cache.lookup("y")).toEqual(new CachedRefusal(DETAIL.invalidToken, "bad signature"));
    // Refusals have their own bound: they never pushed accepted tokens out.
    expect(cache.size).toEqual({ accepted: 2, refused: 1 });
  });

  test("each request's own copy of a token finds its entry and marks it recently used", () => {
    // Every request brings the token as a new string (a slice of its Authorization header).
    const header = (token: string) => `Bearer ${token}`.slice("Bearer ".length);
    const cache = new TokenCache({ keysVersion: () => 0, maxAccepted: 2 });
    const version = cache.version();
    cache.rememberAccepted(header("token-a"), version, alice, inAnHour());
    cache.rememberAccepted(header("token-b"), version, bob, inAnHour());
    expect(cache.lookup(header("token-a"))).toEqual(alice); // now "token-b" is the oldest
    cache.rememberAccepted(header("token-c"), version, bob, inAnHour());
    expect(cache.lookup(header("token-b"))).toBeUndefined();
    expect(cache.lookup(header("token-a"))).toEqual(alice);
    expect(cache.lookup(header("token-c"))).toEqual(bob);
    expect(cache.size).toEqual({ accepted: 2, refused: 0 });
  });

  test("keeps a refusal's words, not the Error that reported it", () => {
    const cache = new TokenCache({ keysVersion: () => 0 });
    const error = refusal();
    cache.rememberRefused("x", cache.version(), error);
    const cached = cache.lookup("x");
    expect(cached).toBeInstanceOf(CachedRefusal);
    expect(cached).not.toBeInstanceOf(Error);
    expect(cached).toEqual({ detail: DETAIL.invalidToken, reason: "bad signature" });
  });

  test("forgets everything when the key set changes", () => {
    let keys = 1;
    const cache = new TokenCache({ keysVersion: () => keys });
    cache.rememberAccepted("a", cache.version(), alice, inAnHour());
    cache.rememberRefused("x", cache.version(), refusal());
    keys = 2;
    expect(cache.lookup("a")).toBeUndefined();
    expect(cache.lookup("x")).toBeUndefined();
    expect(cache.size).toEqual({ accepted: 0, refused: 0 });
  });

  test("does not keep an outcome reached while the key set changed", () => {
    let keys = 1;
    const cache = new TokenCache({ keysVersion: () => keys });
    const before = cache.version();
    keys = 2;
    cache.rememberAccepted("a", before, alice, inAnHour());
    cache.rememberRefused("x", before, refusal());
    expect(cache.size).toEqual({ accepted: 0, refused: 0 });
  });

  test("does not keep tokens longer than the length bound", () => {
    const cache = new TokenCache({ keysVersion: () => 0 });
    const long = "a".repeat(MAX_CACHED_TOKEN_LENGTH + 1);
    cache.rememberAccepted(long, cache.version(), alice, inAnHour());
    cache.rememberRefused(long, cache.version(), refusal());
    expect(cache.size).toEqual({ accepted: 0, refused: 0 });
  });
});

describe("createVerifier's token cache (real keys, real JWKS over HTTP)", () => {
  const servers: JwksServer[] = [];
  afterEach(async () => {
    vi.useRealTimers();
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  async function setup() {
    const jwks = new JwksServer();
    servers.push(jwks);
    await jwks.start();
    const key = await jwks.addKey();
    const auth = {
      mode: "jwks" as const,
      jwksUrl: jwks.url,
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["EdDSA" as const],
    };
    const verifier = createVerifier(auth, {
      ...DEFAULT_JWKS_TIMINGS,
      refetchIntervalMs: 0,
      timeoutMs: 2_000,
    });
    const refusalOf = (token: string) =>
      verifier.verify(token).then(
        () => undefined,
        (error: unknown) => (error instanceof TokenRejected ? error.detail : error),
      );
    return { jwks, key, verifier, refusalOf };
  }

  test("a token is verified in full once, then answered from the cache", async () => {
    const { key, verifier } = await setup();
    const token = await signToken(key, "user_a");
    expect(verifier.cache.size).toEqual({ accepted: 0, refused: 0 });
    expect(await verifier.verify(token)).toEqual({ id: "user_a", email: "user_a@example.com" });
    expect(verifier.cache.size).toEqual({ accepted: 1, refused: 0 });
    expect(await verifier.verify(token)).toEqual({ id: "user_a", email: "user_a@example.com" });
    expect(verifier.cache.size).toEqual({ accepted: 1, refused: 0 });
  });

  test("a cached token is refused as expired once its exp has passed", async () => {
    const { key, verifier, refusalOf } = await setup();
    const token = await signToken(key, "user_a", { expiresIn: 60 });
    expect((await verifier.verify(token)).id).toBe("user_a");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 66_000); // past exp and the 5 s leeway
    expect(await refusalOf(token)).toBe(DETAIL.tokenExpired);
    expect(verifier.cache.size).toEqual({ accepted: 0, refused: 1 });
  });

  test("final refusals are remembered; an unknown kid is not (a key fetch may find it)", async () => {
    const { jwks, key, verifier, refusalOf } = await setup();
    // Signed by a key the JWKS does not hold, under the kid of one it does: a bad signature.
    const forged = await signToken(await createSigningKey(), "user_a", {
      header: { kid: key.kid },
    });
    const hs256 = signHs256Token(HS256_SECRET, "user_a");
    const tokens = [forged, "garbage", unsignedToken("user_a"), hs256];
    for (const token of await Promise.all(tokens)) {
      expect(await refusalOf(token)).toBe(DETAIL.invalidToken);
      expect(await refusalOf(token)).toBe(DETAIL.invalidToken);
    }
    expect(await refusalOf(await signToken(key, "user_a", { claims: { sub: undefined } }))).toBe(
      DETAIL.missingSubject,
    );
    expect(verifier.cache.size).toEqual({ accepted: 0, refused: 5 });

    const later = await jwks.addKey();
    jwks.removeKey(later);
    const early = await signToken(later, "user_a");
    expect(await refusalOf(early)).toBe(DETAIL.invalidToken);
    expect(verifier.cache.size).toEqual({ accepted: 0, refused: 5 });
    jwks.keys.push(later);
    expect((await verifier.verify(early)).id).toBe("user_a");
  });

  test("a refusal from the cache is a new TokenRejected with the first one's detail and reason", async () => {
    const { key, verifier } = await setup();
    const forged = await signToken(await createSigningKey(), "user_a", {
      header: { kid: key.kid },
    });
    const refusal = (token: string) => verifier.verify(token).catch((error: unknown) => error);
    const first = await refusal(forged);
    const second = await refusal(forged);
    expect(verifier.cache.size).toEqual({ accepted: 0, refused: 1 });
    expect(first).toBeInstanceOf(TokenRejected);
    expect(second).toBeInstanceOf(TokenRejected);
    expect(second).not.toBe(first);
    expect(second).toMatchObject({
      detail: DETAIL.invalidToken,
      reason: (first as TokenRejected).reason,
      final: true,
    });
  });

  test("the cache is emptied when the key set changes: a removed key's token is refused", async () => {
    const { jwks, key, verifier, refusalOf } = await setup();
    const old = await signToken(key, "user_a");
    expect((await verifier.verify(old)).id).toBe("user_a");
    const rotated = await jwks.addKey();
    jwks.removeKey(key);
    // A token under the new key makes the verifier fetch the new set (unknown kid): the old
    // token's entry goes, and so does this one's outcome, reached while the keys changed.
    expect((await verifier.verify(await signToken(rotated, "user_b"))).id).toBe("user_b");
    expect(verifier.cache.size).toEqual({ accepted: 0, refused: 0 });
    expect(await refusalOf(old)).toBe(DETAIL.invalidToken);
  });
});
