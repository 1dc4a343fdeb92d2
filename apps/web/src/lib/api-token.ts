import { decodeJwt } from "jose";

/**
 * The browser's API token: a short-lived JWT from Better Auth's `/api/auth/token`, held in memory
 * only (never in localStorage or a cookie the page can read). It is reused until shortly before it
 * expires; callers that ask at the same time share one request; a 401 from the token endpoint means
 * the session has ended, so the user is sent to sign in.
 */
export interface TokenSource {
  /** A token that is still good for at least the refresh margin. */
  getToken(): Promise<string>;
  /**
   * A token other than `rejected` (the one the API just refused). If another caller already
   * replaced it, that newer token is returned without a second request.
   */
  refresh(rejected: string): Promise<string>;
  /** Forget the token (e.g. on sign-out). */
  clear(): void;
}

/** The session behind the token has ended: the user must sign in again. */
export class SessionEndedError extends Error {
  constructor() {
    super("Your session has ended. Please sign in again.");
    this.name = "SessionEndedError";
  }
}

export interface TokenSourceOptions {
  /** Where tokens come from. Same origin, so the session cookie goes along. */
  tokenUrl?: string;
  fetch?: typeof globalThis.fetch;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
  /** Fetch a new token when the current one has less than this left. */
  refreshMarginMs?: number;
  /** Called once when the token endpoint answers 401. */
  onSessionEnded?: () => void;
}

const DEFAULT_REFRESH_MARGIN_MS = 60_000;

function goToSignIn(): void {
  window.location.assign("/sign-in");
}

function readToken(body: unknown): string | null {
  if (typeof body !== "object" || body === null || !("token" in body)) return null;
  return typeof body.token === "string" && body.token.length > 0 ? body.token : null;
}

/**
 * When the token stops being usable, on this machine's clock. The lifetime (`exp - iat`) is
 * measured from when we received it, so a skewed client clock does not matter.
 */
function expiryOf(token: string, receivedAt: number): number {
  const { exp, iat } = decodeJwt(token);
  if (typeof exp !== "number") return receivedAt;
  const lifetimeMs = typeof iat === "number" ? (exp - iat) * 1000 : exp * 1000 - receivedAt;
  return receivedAt + lifetimeMs;
}

export function createTokenSource(options: TokenSourceOptions = {}): TokenSource {
  const tokenUrl = options.tokenUrl ?? "/api/auth/token";
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = options.now ?? Date.now;
  const margin = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
  const onSessionEnded = options.onSessionEnded ?? goToSignIn;

  let current: { token: string; usableUntil: number } | null = null;
  let inFlight: Promise<string> | null = null;

  async function fetchToken(): Promise<string> {
    const response = await doFetch(tokenUrl, {
      credentials: "same-origin",
      cache: "no-store",
      headers: { Accept: "application/json" },
    });
    if (response.status === 401) {
      current = null;
      onSessionEnded();
      throw new SessionEndedError();
    }
    if (!response.ok) {
      throw new Error(`Couldn't get an access token (the server answered ${response.status}).`);
    }
    const token = readToken(await response.json());
    if (!token) throw new Error("Couldn't get an access token (the answer had none).");
    const receivedAt = now();
    current = { token, usableUntil: expiryOf(token, receivedAt) - margin };
    return token;
  }

  function load(): Promise<string> {
    inFlight ??= fetchToken().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  return {
    getToken() {
      if (current && now() < current.usableUntil) return Promise.resolve(current.token);
      return load();
    },
    refresh(rejected) {
      if (current && current.token !== rejected && now() < current.usableUntil) {
        return Promise.resolve(current.token);
      }
      if (current?.token === rejected) current = null;
      return load();
    },
    clear() {
      current = null;
    },
  };
}

/** The browser's one token source. */
export const apiToken: TokenSource = createTokenSource();
