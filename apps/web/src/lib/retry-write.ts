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
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * `send` once, and again up to `retries` times while it fails transiently, waiting as the API's
 * `Retry-After` asks (capped). `send` must repeat the same request, idempotency key included.
 */
export async function retryTransient<T>(
  send: () => Promise<T>,
  { retries = 2, maxDelayMs = 3_000, baseDelayMs = 300, sleep = wait }: RetryOptions = {},
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= retries || !isTransient(error)) throw error;
      const asked = error instanceof ApiError ? error.retryAfterMs : null;
      await sleep(Math.min(asked ?? baseDelayMs * (attempt + 1), maxDelayMs));
    }
  }
}
