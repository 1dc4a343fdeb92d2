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
 * Least recently used entries go first when a bound is reached.
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
  readonly #accepted = new Map<string, Entry<Accepted>>();
  readonly #refused = new Map<string, Entry<CachedRefusal>>();
  readonly #keysVersion: () => number;
  readonly #maxAccepted: number;
  readonly #maxRefused: number;
  readonly #now: () => number;
  #version: number;

  constructor(options: TokenCacheOptions) {
    this.#keysVersion = options.keysVersion;
    this.#maxAccepted = options.maxAccepted ?? TOKEN_CACHE_DEFAULTS.maxAccepted;
    this.#maxRefused = options.maxRefused ?? TOKEN_CACHE_DEFAULTS.maxRefused;
    this.#now = options.now ?? (() => Date.now());
    this.#version = options.keysVersion();
  }

  get size() {
    return { accepted: this.#accepted.size, refused: this.#refused.size };
  }

  /** The cached outcome, or undefined: the caller must then verify the token in full. */
  lookup(token: string): AuthUser | CachedRefusal | undefined {
    this.#forgetIfKeysChanged();
    const accepted = touch(this.#accepted, token);
    if (accepted) {
      if (this.#now() < accepted.expiresAtMs) return accepted.user;
      this.#accepted.delete(token);
      return undefined;
    }
    return touch(this.#refused, token);
  }

  /** The key-set version to pass back to `remember…` once a full verification completes. */
  version(): number {
    this.#forgetIfKeysChanged();
    return this.#version;
  }

  rememberAccepted(token: string, verifiedUnder: number, user: AuthUser, exp: number): void {
    if (!this.#mayKeep(token, verifiedUnder)) return;
    add(this.#accepted, token, { user, expiresAtMs: exp * 1000 }, this.#maxAccepted);
  }

  /** Keeps `refusal`'s detail and reason, not the object (see above). */
  rememberRefused(
    token: string,
    verifiedUnder: number,
    refusal: { detail: string; reason: string },
  ): void {
    if (!this.#mayKeep(token, verifiedUnder)) return;
    add(this.#refused, token, new CachedRefusal(refusal.detail, refusal.reason), this.#maxRefused);
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

/**
 * A cache map's entry keeps the token it was stored under: moving an entry to the back re-inserts
 * it under that same string, not the one in hand. The one in hand is a slice of this request's
 * Authorization header, and as the map's key it would keep that header alive until the token came
 * round again, long enough for V8 to promote it: ~0.5 KB per request for full collections.
 */
type Entry<V> = { readonly token: string; readonly value: V };

/** Map lookup that marks the entry most recently used (Maps iterate in insertion order). */
function touch<V>(map: Map<string, Entry<V>>, token: string): V | undefined {
  const entry = map.get(token);
  if (entry === undefined) return undefined;
  map.delete(token);
  map.set(entry.token, entry);
  return entry.value;
}

function add<V>(map: Map<string, Entry<V>>, token: string, value: V, max: number) {
  map.delete(token);
  map.set(token, { token, value });
  if (map.size > max) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
}
