import { LRUCache } from "lru-cache";
import type { AuthUser } from "./jwt.ts";

/**
 * Outcomes of tokens already fully verified in this process, keyed by the whole token string.
 * A client sends the same token for minutes, and an EdDSA check costs ~0.4 ms of CPU: this turns
 * every request after the first into a map lookup.
 *
 * - Accepted tokens are kept until their `exp` (no clock leeway here: within the leeway the token
 *   is verified in full again).
 * - Refusals are kept only when they are final for this key set (bad signature, malformed, wrong
 *   algorithm, issuer or audience, expired, no usable `sub`): never an unknown `kid`, which a key
 *   fetch may resolve, nor a key-fetch failure. They have their own, smaller bound, so a flood of
 *   garbage tokens cannot evict accepted ones.
 * - A refusal is kept as its words (CachedRefusal), never as the Error that reported it: an Error
 *   holds the stack it was made with, and kept for minutes it made every later request refused
 *   from the cache leave ~3 KB for V8's full collections instead of ~0.5 KB (1,000 rotating bad
 *   tokens, `--trace-gc-nvp`).
 * - Everything is forgotten when the key set changes (`keysVersion` moves), and an outcome
 *   reached while the keys changed under it is not kept.
 * - Tokens longer than MAX_CACHED_TOKEN_LENGTH are always verified in full (bounds memory).
 * - Least recently used entries go first when a bound is reached (lru-cache). A hit only moves
 *   the entry in lru-cache's index lists; the entry stays keyed by the token string it was stored
 *   with. (A Map re-inserted on every hit kept the request's own copy, a slice of its Authorization
 *   header, alive until the token came round again: ~0.5 KB per request for V8's full collections,
 *   and it rehashed its table every thousand hits or so.)
 */
export type TokenCacheOptions = {
  /** Changes whenever the trusted key set changes. */
  keysVersion: () => number;
  maxAccepted?: number;
  maxRefused?: number;
  /** Current time in ms (tests). */
  now?: () => number;
};

export const TOKEN_CACHE_DEFAULTS = { maxAccepted: 10_000, maxRefused: 5_000 };
export const MAX_CACHED_TOKEN_LENGTH = 4096;

type Accepted = { user: AuthUser; expiresAtMs: number };

/** A final refusal as the cache keeps it: what the client is told, and why (for the log). */
export class CachedRefusal {
  readonly detail: string;
  readonly reason: string;

  constructor(detail: string, reason: string) {
    this.detail = detail;
    this.reason = reason;
  }
}

export class TokenCache {
  readonly #accepted: LRUCache<string, Accepted>;
  readonly #refused: LRUCache<string, CachedRefusal>;
  readonly #keysVersion: () => number;
  readonly #now: () => number;
  #version: number;

  constructor(options: TokenCacheOptions) {
    this.#keysVersion = options.keysVersion;
    this.#accepted = new LRUCache({
      max: options.maxAccepted ?? TOKEN_CACHE_DEFAULTS.maxAccepted,
    });
    this.#refused = new LRUCache({ max: options.maxRefused ?? TOKEN_CACHE_DEFAULTS.maxRefused });
    this.#now = options.now ?? (() => Date.now());
    this.#version = options.keysVersion();
  }

  get size() {
    return { accepted: this.#accepted.size, refused: this.#refused.size };
  }

  /** The cached outcome, or undefined: the caller must then verify the token in full. */
  lookup(token: string): AuthUser | CachedRefusal | undefined {
    this.#forgetIfKeysChanged();
    const accepted = this.#accepted.get(token);
    if (accepted) {
      if (this.#now() < accepted.expiresAtMs) return accepted.user;
      this.#accepted.delete(token);
      return undefined;
    }
    return this.#refused.get(token);
  }

  /** The key-set version to pass back to `remember…` once a full verification completes. */
  version(): number {
    this.#forgetIfKeysChanged();
    return this.#version;
  }

  rememberAccepted(token: string, verifiedUnder: number, user: AuthUser, exp: number): void {
    if (!this.#mayKeep(token, verifiedUnder)) return;
    this.#accepted.set(token, { user, expiresAtMs: exp * 1000 });
  }

  /** Keeps `refusal`'s detail and reason, not the object (see above). */
  rememberRefused(
    token: string,
    verifiedUnder: number,
    refusal: { detail: string; reason: string },
  ): void {
    if (!this.#mayKeep(token, verifiedUnder)) return;
    this.#refused.set(token, new CachedRefusal(refusal.detail, refusal.reason));
  }

  #mayKeep(token: string, verifiedUnder: number) {
    return token.length <= MAX_CACHED_TOKEN_LENGTH && this.version() === verifiedUnder;
  }

  #forgetIfKeysChanged() {
    const current = this.#keysVersion();
    if (current === this.#version) return;
    this.#version = current;
    this.#accepted.clear();
    this.#refused.clear();
  }
}
