import type { components } from "./api-schema";
import { SessionEndedError } from "./api-token";

type ErrorBody = components["schemas"]["HTTPError"] | components["schemas"]["HTTPValidationError"];

/** The API refused a request. `message` is written for people. */
export class ApiError extends Error {
  readonly status: number;
  /** How long the API asked to wait before trying again (its `Retry-After`), if it said. */
  readonly retryAfterMs: number | null;

  constructor(status: number, message: string, retryAfterMs: number | null = null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}

/** `Retry-After` (delay-seconds or an HTTP date) as milliseconds from `now`; null if unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  const value = header?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const FALLBACK_BY_STATUS: Record<number, string> = {
  401: "Your session couldn't be verified. Please sign in again.",
  403: "You're not allowed to change this task.",
  404: "This task no longer exists.",
  409: "This change is still being saved. Please wait a moment and try again.",
  412: "This task was changed elsewhere since you loaded it.",
  413: "That is too long to save.",
  422: "Some of what you entered isn't valid.",
  429: "Too many requests. Please wait a moment and try again.",
};

function isErrorBody(body: unknown): body is ErrorBody {
  return typeof body === "object" && body !== null && "detail" in body;
}

/** `["body", "title"]` → `title`. */
function fieldOf(loc: ReadonlyArray<string | number>): string {
  const path = loc.filter((part) => part !== "body" && part !== "query" && part !== "path");
  return path.join(".");
}

/** Turn the API's `{"detail": …}` (a sentence, or FastAPI-style issues) into one sentence. */
export function describeErrorBody(status: number, body: unknown): string {
  if (isErrorBody(body)) {
    const { detail } = body;
    if (typeof detail === "string" && detail.trim()) return detail;
    if (Array.isArray(detail) && detail.length > 0) {
      return detail
        .map((issue) => {
          const field = fieldOf(issue.loc);
          return field ? `${field}: ${issue.msg}` : issue.msg;
        })
        .join("; ");
    }
  }
  if (status >= 500) return "The task service had a problem. Please try again.";
  return FALLBACK_BY_STATUS[status] ?? `The task service refused the request (${status}).`;
}

/** An `ApiError` for a response openapi-fetch reported as an error. */
export function apiErrorFrom(response: Response, body: unknown): ApiError {
  const wait = retryAfterMs(response.headers.get("Retry-After"));
  return new ApiError(response.status, describeErrorBody(response.status, body), wait);
}

/** `text` ending with a full stop (or the ! or ? it already has), to be followed by more. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Any failure, in words a person can act on. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError || error instanceof SessionEndedError) return error.message;
  if (error instanceof TypeError) {
    return "Couldn't reach the task service. Check your connection and try again.";
  }
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong. Please try again.";
}

/** Worth retrying: the network failed or the server had a problem; never a refusal (4xx). */
export function isRetryable(error: unknown): boolean {
  if (error instanceof ApiError) return error.status >= 500;
  return error instanceof TypeError;
}

/**
 * The API could not be reached, or could not do its work: the request or its answer did not get
 * through (fetch's TypeError), or a gateway or the API said it is unavailable (502, 503, 504).
 * Nothing can be saved until it answers again.
 */
export function isUnreachable(error: unknown): boolean {
  if (error instanceof ApiError) return [502, 503, 504].includes(error.status);
  return error instanceof TypeError;
}
