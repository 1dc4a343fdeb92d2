import { type JWTPayload, type JWTVerifyOptions, errors as joseErrors, jwtVerify } from "jose";
import type { AuthConfig } from "../env.ts";
import { DETAIL, pauseStackCapture } from "./errors.ts";
import {
  DEFAULT_JWKS_TIMINGS,
  errorText,
  JwksKeySource,
  type JwksTimings,
  KeysUnavailable,
} from "./jwks-key-source.ts";
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

export type TokenVerifier = {
  verify(token: string): Promise<AuthUser>;
  /** Resolves when tokens can be verified; throws KeysUnavailable while no key set is held. */
  ready(): Promise<void>;
};

/** Clock skew tolerated on `exp`/`nbf`, in seconds. */
export const CLOCK_LEEWAY_SECONDS = 5;

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
    async ready() {
      await keySource?.ready();
    },
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
