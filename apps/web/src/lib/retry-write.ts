import { API_TIMEOUT_MS } from "./api-client";
import { ApiError } from "./api-error";

/**
 * Worth sending again unchanged, with the same Idempotency-Key: the connection failed (the API
 * may or may not have handled it), the database was unreachable (503), the first try is still
 * being handled (409, the only 409 the API sends) or a rate limit (429).
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof ApiError) return [409, 429, 503].includes(error.status);
  // fetch rejects with a TypeError when the request or its answer did not get through.
  return error instanceof TypeError;
}

export interface RetryOptions {
  /** Tries after the first. */
  retries?: number;
  /** The longest wait between tries, whatever `Retry-After` asks: someone is looking at "Saving…". */
  maxDelayMs?: number;
  /** The wait when the API named none, multiplied by the try's number. */
  baseDelayMs?: number;
  /**
   * No new try starts once this long has passed since the first began: a try that ran into the
   * client's own timeout has had its chance, and the user hears of it instead of a longer wait.
   */
  budgetMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * `send` once, and again up to `retries` times while it fails transiently, waiting as the API's
 * `Retry-After` asks (capped). `send` must repeat the same request, idempotency key included.
 */
export async function retryTransient<T>(
  send: () => Promise<T>,
  {
    retries = 2,
    maxDelayMs = 3_000,
    baseDelayMs = 300,
    budgetMs = API_TIMEOUT_MS,
    sleep = wait,
    now = Date.now,
  }: RetryOptions = {},
): Promise<T> {
  const started = now();
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= retries || !isTransient(error)) throw error;
      const asked = error instanceof ApiError ? error.retryAfterMs : null;
      const delay = Math.min(asked ?? baseDelayMs * (attempt + 1), maxDelayMs);
      if (now() - started + delay >= budgetMs) throw error;
      await sleep(delay);
    }
  }
}
