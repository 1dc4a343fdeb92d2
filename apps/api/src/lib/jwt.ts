import {
  type CompactJWSHeaderParameters,
  createLocalJWKSet,
  type FlattenedJWSInput,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyOptions,
  errors as joseErrors,
  jwtVerify,
} from "jose";
import type { AuthConfig } from "../env.ts";
import { DETAIL, pauseStackCapture } from "./errors.ts";
import { CachedRefusal, TokenCache, type TokenCacheOptions } from "./token-cache.ts";

/** The caller, as proven by a verified token. */
export type AuthUser = { id: string; email: string | null };

/**
 * The token is refused: `detail` goes to the client, `reason` only to the log. `final`: the same
 * token will be refused again as long as the key set stays the same (so the refusal may be cached).
 * Like an ApiError, it carries no stack.
 */
export class TokenRejected extends Error {
  readonly detail: string;
  readonly reason: string;
  readonly final: boolean;

  constructor(detail: string, reason: string, final = false) {
    const resume = pauseStackCapture();
    super(reason);
    resume();
    this.name = "TokenRejected";
    this.detail = detail;
    this.reason = reason;
    this.final = final;
  }
}

/** No key has ever been fetched and the JWKS cannot be fetched now. */
export class KeysUnavailable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "KeysUnavailable";
  }
}

export type TokenVerifier = { verify(token: string): Promise<AuthUser> };

/** Clock skew tolerated on `exp`/`nbf`, in seconds. */
export const CLOCK_LEEWAY_SECONDS = 5;

export type JwksTimings = {
  /** Least time between two fetches triggered by an unknown `kid` (or a stale set). */
  cooldownMs: number;
  /** After this age the set is refreshed in the background; the old keys stay usable meanwhile. */
  maxAgeMs: number;
  /** Abort a JWKS fetch after this long. */
  timeoutMs: number;
};

export const DEFAULT_JWKS_TIMINGS: JwksTimings = {
  cooldownMs: 30_000,
  maxAgeMs: 10 * 60_000,
  timeoutMs: 5_000,
};

type LocalKeySet = ReturnType<typeof createLocalJWKSet>;

/** `CODE: message (cause)` for the log, e.g. `TypeError: fetch failed (ECONNREFUSED)`. */
const errorText = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const code = "code" in error && typeof error.code === "string" ? error.code : error.name;
  const { cause } = error;
  const because =
    cause instanceof Error
      ? ` (${"code" in cause && typeof cause.code === "string" ? cause.code : cause.message})`
      : "";
  return `${code}: ${error.message}${because}`;
};

/**
 * The web app's public keys, cached in this process. jose's createLocalJWKSet selects and imports
 * keys; this class only decides when to fetch, because jose's createRemoteJWKSet stops accepting
 * cached keys once a refresh fails after `cacheMaxAge`, and retries on every unknown `kid` while
 * the endpoint is down. Here: the first use fetches (failure → KeysUnavailable); an unknown `kid`
 * refetches at most once per cooldown, counting failed attempts; a stale set is refreshed in the
 * background; a failed fetch never discards keys already held.
 */
export class JwksKeySource {
  readonly #url: string;
  readonly #timings: JwksTimings;
  #keys: LocalKeySet | undefined;
  #fetchedAt = Number.NEGATIVE_INFINITY;
  #attemptedAt = Number.NEGATIVE_INFINITY;
  #pending: Promise<void> | undefined;
  #keysJson: string | undefined;
  /** How many fetches were started (for tests and metrics). */
  fetchCount = 0;
  /** Moves each time a fetch brings a key set different from the one held. */
  version = 0;

  constructor(url: string, timings: JwksTimings = DEFAULT_JWKS_TIMINGS) {
    this.#url = url;
    this.#timings = timings;
  }

  get loaded() {
    return this.#keys !== undefined;
  }

  getKey = async (header: CompactJWSHeaderParameters, token: FlattenedJWSInput) => {
    if (this.#keys === undefined) {
      await this.#refresh().catch((error: unknown) => {
        throw new KeysUnavailable(errorText(error));
      });
    } else if (this.stale && this.#mayFetch()) this.#refresh().catch(() => {});
    const keys = this.#keys;
    if (keys === undefined) throw new KeysUnavailable("JWKS not loaded");
    try {
      return await keys(header, token);
    } catch (error) {
      if (!(error instanceof joseErrors.JWKSNoMatchingKey) || !this.#mayFetch()) throw error;
      // Unknown kid: maybe a freshly rotated key. A failed refetch keeps the old keys.
      await this.#refresh().catch(() => {});
      return (this.#keys ?? keys)(header, token);
    }
  };

  /** Never fetched, or fetched longer than `maxAgeMs` ago (a refresh is due). */
  get stale() {
    return Date.now() - this.#fetchedAt >= this.#timings.maxAgeMs;
  }

  #mayFetch() {
    return (
      this.#pending === undefined && Date.now() - this.#attemptedAt >= this.#timings.cooldownMs
    );
  }

  #refresh(): Promise<void> {
    this.#pending ??= this.#fetch().finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  async #fetch() {
    this.#attemptedAt = Date.now();
    this.fetchCount += 1;
    const response = await fetch(this.#url, {
      headers: { accept: "application/json, application/jwk-set+json" },
      redirect: "manual",
      signal: AbortSignal.timeout(this.#timings.timeoutMs),
    });
    if (response.status !== 200) {
      throw new Error(`JWKS endpoint answered HTTP ${response.status}`);
    }
    const json = (await response.json()) as JSONWebKeySet;
    // createLocalJWKSet validates the shape and throws JWKSInvalid on anything else.
    const keys = createLocalJWKSet(json);
    const text = JSON.stringify(json);
    if (this.#keys !== undefined && text !== this.#keysJson) this.version += 1;
    this.#keys = keys;
    this.#keysJson = text;
    this.#fetchedAt = Date.now();
  }
}

function toUser(payload: JWTPayload): AuthUser {
  const { sub } = payload;
  if (typeof sub !== "string" || sub === "") {
    throw new TokenRejected(DETAIL.missingSubject, "token has no usable sub claim", true);
  }
  // A sub the database could not store (NUL, lone surrogates) or absurdly long is not an id.
  if (sub.length > 255 || sub.includes("\u0000") || !sub.isWellFormed()) {
    throw new TokenRejected(DETAIL.invalidToken, "sub claim is not a valid user id", true);
  }
  return { id: sub, email: typeof payload.email === "string" ? payload.email : null };
}

/** Refusals that hold for as long as the key set does (see TokenCache); the rest are retried. */
function isFinal(error: unknown): boolean {
  if (error instanceof joseErrors.JWTClaimValidationFailed) return error.claim !== "nbf";
  return (
    error instanceof joseErrors.JWSSignatureVerificationFailed ||
    error instanceof joseErrors.JOSEAlgNotAllowed ||
    error instanceof joseErrors.JWSInvalid ||
    error instanceof joseErrors.JWTInvalid
  );
}

/**
 * Builds the verifier for the configured mode. jwks: signature against the web app's JWKS,
 * algorithms from AUTH_ALGORITHMS (EdDSA by default; never `none` or HS*). hs256: HMAC with
 * JWT_SECRET's UTF-8 bytes, HS256 only. Both: `iss`, `aud`, `exp` required, 5 s leeway.
 * Each token is verified in full the first time it is seen; its outcome is then served from a
 * TokenCache until it expires or the key set changes.
 */
export function createVerifier(
  auth: AuthConfig,
  timings: JwksTimings = DEFAULT_JWKS_TIMINGS,
  cacheOptions: Omit<TokenCacheOptions, "keysVersion"> = {},
): TokenVerifier & { keySource: JwksKeySource | undefined; cache: TokenCache } {
  const claims: JWTVerifyOptions = {
    issuer: auth.issuer,
    audience: auth.audience,
    clockTolerance: CLOCK_LEEWAY_SECONDS,
    requiredClaims: ["exp", "iss", "aud"],
  };
  let keySource: JwksKeySource | undefined;
  let verifyJwt: (token: string) => Promise<{ payload: JWTPayload }>;
  if (auth.mode === "jwks") {
    const source = new JwksKeySource(auth.jwksUrl, timings);
    const options = { ...claims, algorithms: auth.algorithms };
    keySource = source;
    verifyJwt = (token) => jwtVerify(token, source.getKey, options);
  } else {
    const secret = new TextEncoder().encode(auth.secret);
    const options = { ...claims, algorithms: ["HS256"] };
    verifyJwt = (token) => jwtVerify(token, secret, options);
  }

  const verifyInFull = async (token: string) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await verifyJwt(token));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) {
        throw new TokenRejected(DETAIL.tokenExpired, errorText(error), true);
      }
      if (error instanceof KeysUnavailable) throw error;
      throw new TokenRejected(DETAIL.invalidToken, errorText(error), isFinal(error));
    }
    return { user: toUser(payload), exp: payload.exp ?? 0 };
  };

  const cache = new TokenCache({ ...cacheOptions, keysVersion: () => keySource?.version ?? 0 });
  return {
    keySource,
    cache,
    async verify(token) {
      // While the key set is due for a refresh, every token goes the full way (which refreshes).
      const cached = keySource?.stale ? undefined : cache.lookup(token);
      if (cached instanceof CachedRefusal) {
        throw new TokenRejected(cached.detail, cached.reason, true);
      }
      if (cached !== undefined) return cached;
      const version = cache.version();
      try {
        const { user, exp } = await verifyInFull(token);
        cache.rememberAccepted(token, version, user, exp);
        return user;
      } catch (error) {
        if (error instanceof TokenRejected && error.final) {
          cache.rememberRefused(token, version, error);
        }
        throw error;
      }
    },
  };
}
