import {
  type CompactJWSHeaderParameters,
  createLocalJWKSet,
  type FlattenedJWSInput,
  type JSONWebKeySet,
  errors as joseErrors,
} from "jose";

/** No key has ever been fetched and the JWKS cannot be fetched now. */
export class KeysUnavailable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "KeysUnavailable";
  }
}

export type JwksTimings = {
  /** Least time between the starts of two fetches (unknown `kid`, stale set) after a success. */
  refetchIntervalMs: number;
  /** No fetch for this long after a failed one; doubled by each further failure, up to the cap. */
  backoffMs: number;
  backoffMaxMs: number;
  /** After this age the set is refreshed in the background; the old keys stay usable meanwhile. */
  maxAgeMs: number;
  /** Abort a JWKS fetch after this long. */
  timeoutMs: number;
};

export const DEFAULT_JWKS_TIMINGS: JwksTimings = {
  refetchIntervalMs: 2_000,
  backoffMs: 2_000,
  backoffMaxMs: 60_000,
  maxAgeMs: 10 * 60_000,
  timeoutMs: 5_000,
};

type LocalKeySet = ReturnType<typeof createLocalJWKSet>;

/** `CODE: message (cause)` for the log, e.g. `TypeError: fetch failed (ECONNREFUSED)`. */
export const errorText = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const code = "code" in error && typeof error.code === "string" ? error.code : error.name;
  const { cause } = error;
  const because =
    cause instanceof Error
      ? ` (${"code" in cause && typeof cause.code === "string" ? cause.code : cause.message})`
      : "";
  return `${code}: ${error.message}${because}`;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * The web app's public keys, cached in this process. jose's createLocalJWKSet selects and imports
 * keys; this class only decides when to fetch, because jose's createRemoteJWKSet stops accepting
 * cached keys once a refresh fails after `cacheMaxAge`, and retries on every unknown `kid` while
 * the endpoint is down. Here:
 * - one fetch at a time: concurrent callers share the one in flight;
 * - after a success, the next fetch starts `refetchIntervalMs` after it at the earliest; a token
 *   with an unknown `kid` meanwhile waits for that fetch (a rotated key is never refused), so a
 *   flood of made-up `kid`s costs one fetch per interval;
 * - after a failure, none for `backoffMs`, doubling up to `backoffMaxMs`, reset by a success; an
 *   unknown `kid` does not wait out a backoff (it is refused), nor does a first use (503);
 * - a stale set is refreshed in the background, and a failed fetch never discards keys held.
 */
export class JwksKeySource {
  readonly #url: string;
  readonly #timings: JwksTimings;
  #keys: LocalKeySet | undefined;
  #keysJson: string | undefined;
  #fetchedAt = Number.NEGATIVE_INFINITY;
  /** No fetch starts before this time (the interval after a success, the backoff after a failure). */
  #nextFetchAt = Number.NEGATIVE_INFINITY;
  #failures = 0;
  #lastError = "";
  #inFlight: Promise<void> | undefined;
  #scheduled: Promise<void> | undefined;
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

  /** Never fetched, or fetched longer than `maxAgeMs` ago (a refresh is due). */
  get stale() {
    return Date.now() - this.#fetchedAt >= this.#timings.maxAgeMs;
  }

  /**
   * Resolves once a key set is held, fetching one first if none is and the backoff allows;
   * otherwise throws KeysUnavailable (for `/ready`).
   */
  async ready(): Promise<void> {
    if (this.#keys !== undefined) return;
    await this.#loadFirst();
  }

  getKey = async (header: CompactJWSHeaderParameters, token: FlattenedJWSInput) => {
    if (this.#keys === undefined) await this.#loadFirst();
    else if (this.stale) void this.#fetchNow()?.catch(() => {});
    const keys = this.#keys;
    if (keys === undefined) throw new KeysUnavailable("JWKS not loaded");
    try {
      return await keys(header, token);
    } catch (error) {
      if (!(error instanceof joseErrors.JWKSNoMatchingKey)) throw error;
      // Unknown kid: maybe a freshly rotated key. A failed refetch keeps the old keys.
      const refetch = this.#fetchSoon();
      if (refetch === undefined) throw error;
      await refetch.catch(() => {});
      return (this.#keys ?? keys)(header, token);
    }
  };

  async #loadFirst() {
    const fetching = this.#fetchNow();
    if (fetching === undefined) {
      const wait = Math.max(0, this.#nextFetchAt - Date.now());
      throw new KeysUnavailable(`${this.#lastError}; next attempt in ${wait} ms`);
    }
    await fetching.catch((error: unknown) => {
      throw new KeysUnavailable(errorText(error));
    });
  }

  /** The fetch in flight, else a new one if none is forbidden now (interval or backoff). */
  #fetchNow(): Promise<void> | undefined {
    if (this.#inFlight !== undefined) return this.#inFlight;
    if (Date.now() < this.#nextFetchAt) return undefined;
    return this.#start();
  }

  /** Like #fetchNow, but within the interval after a success: the fetch at its end. */
  #fetchSoon(): Promise<void> | undefined {
    const now = this.#fetchNow();
    if (now !== undefined || this.#failures > 0) return now;
    this.#scheduled ??= sleep(this.#nextFetchAt - Date.now()).then(() => {
      this.#scheduled = undefined;
      return this.#inFlight ?? this.#start();
    });
    return this.#scheduled;
  }

  #start(): Promise<void> {
    this.#inFlight = this.#fetch().finally(() => {
      this.#inFlight = undefined;
    });
    return this.#inFlight;
  }

  async #fetch() {
    const startedAt = Date.now();
    this.fetchCount += 1;
    try {
      await this.#load();
      this.#failures = 0;
      this.#nextFetchAt = startedAt + this.#timings.refetchIntervalMs;
    } catch (error) {
      this.#failures += 1;
      const { backoffMs, backoffMaxMs } = this.#timings;
      this.#nextFetchAt =
        Date.now() + Math.min(backoffMs * 2 ** (this.#failures - 1), backoffMaxMs);
      this.#lastError = errorText(error);
      throw error;
    }
  }

  async #load() {
    const response = await fetch(this.#url, {
      headers: { accept: "application/json, application/jwk-set+json" },
      redirect: "manual",
      signal: AbortSignal.timeout(this.#timings.timeoutMs),
    });
    if (response.status !== 200) {
      await response.body?.cancel();
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
