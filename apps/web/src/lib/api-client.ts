import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { paths } from "./api-schema";
import type { TokenSource } from "./api-token";

/** The task API, typed from its OpenAPI document (`npm run api:types -w @taskline/web`). */
export type ApiClient = Client<paths>;

export type TokenProvider = Pick<TokenSource, "getToken" | "refresh">;

export interface ApiClientOptions {
  /** The API's origin, e.g. `publicEnv.apiUrl`. */
  baseUrl: string;
  tokens: TokenProvider;
  fetch?: typeof globalThis.fetch;
}

/**
 * Adds `Authorization: Bearer <token>` to every request. When the API answers 401, it gets a new
 * token once and sends the same request once more; a second 401 (or no new token) is returned as it is.
 */
export function bearerAuth(tokens: TokenProvider): Middleware {
  // A copy of each request as sent (every header, so an Idempotency-Key and If-Match too), kept
  // until its answer arrives, so it can be replayed.
  const sent = new Map<string, { replay: Request; token: string }>();
  return {
    async onRequest({ request, id }) {
      const token = await tokens.getToken();
      request.headers.set("Authorization", `Bearer ${token}`);
      sent.set(id, { replay: request.clone(), token });
      return request;
    },
    async onResponse({ response, id, options }) {
      const entry = sent.get(id);
      sent.delete(id);
      if (response.status !== 401 || !entry) return undefined;
      const fresh = await tokens.refresh(entry.token);
      if (fresh === entry.token) return undefined;
      entry.replay.headers.set("Authorization", `Bearer ${fresh}`);
      return options.fetch(entry.replay);
    },
    onError({ id }) {
      sent.delete(id);
    },
  };
}

/**
 * An API answer slower than this counts as a lost connection. The task routes answer within their
 * own deadline of a second or so; a server that accepts the connection and never answers would
 * otherwise leave "Saving…" on screen for good.
 */
export const API_TIMEOUT_MS = 10_000;

/**
 * `doFetch`, failing after `ms` without an answer as a lost connection fails (a TypeError), so it
 * is retried, reported and probed like one; a caller's own abort stays an abort.
 */
export function fetchWithin(
  ms: number,
  doFetch: (request: Request, init: RequestInit) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const timeout = AbortSignal.timeout(ms);
    try {
      return await doFetch(request, { signal: AbortSignal.any([request.signal, timeout]) });
    } catch (error) {
      if (!timeout.aborted || request.signal.aborted) throw error;
      throw new TypeError("The task service did not answer in time", { cause: error });
    }
  };
}

export function createApiClient({ baseUrl, tokens, fetch }: ApiClientOptions): ApiClient {
  const client = createClient<paths>({
    baseUrl,
    // Look the global up per call so a replaced `fetch` (tests, instrumentation) is honoured.
    fetch: fetchWithin(API_TIMEOUT_MS, (request, init) =>
      fetch ? fetch(request, init) : globalThis.fetch(request, init),
    ),
  });
  client.use(bearerAuth(tokens));
  return client;
}

/** For server-side calls with a token minted for this one render: nothing to refresh. */
export function fixedToken(token: string): TokenProvider {
  return {
    getToken: () => Promise.resolve(token),
    refresh: () => Promise.resolve(token),
  };
}
