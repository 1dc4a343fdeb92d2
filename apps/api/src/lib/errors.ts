import type { ContentfulStatusCode } from "hono/utils/http-status";

/** One item of a 422 body, shaped like FastAPI's: `{"loc": ["body", "title"], "msg": "...", "type": "..."}`. */
export type ValidationIssue = {
  loc: (string | number)[];
  msg: string;
  type: string;
};

/** Every error response has this body: a message, or the list of validation issues for a 422. */
export type ErrorBody = { detail: string | ValidationIssue[] };

/**
 * Turns V8's stack capture off until the returned function is called: for errors that are
 * answers, not faults (an ApiError, a refused token), whose stack is never logged. Capturing one
 * walks every frame of the request's async chain, ~13 % of a refused request's CPU (perf, the
 * benchmark's rejected scenario). Call it right before `super(...)` and resume right after.
 */
export function pauseStackCapture(): () => void {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  return () => {
    Error.stackTraceLimit = limit;
  };
}

/**
 * The one error class of the API. Anything thrown as an ApiError becomes
 * `{"detail": …}` with its status (and headers) in `app.onError`; anything else is a 500 (logged
 * with its stack). An ApiError carries no stack (pauseStackCapture).
 */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly detail: string | ValidationIssue[];
  readonly headers: Record<string, string>;
  /** Fields the body carries beside `detail` (a 412's current `task`). */
  readonly extra: Record<string, unknown> | undefined;

  constructor(
    status: ContentfulStatusCode,
    detail: string | ValidationIssue[],
    headers: Record<string, string> = {},
    extra?: Record<string, unknown>,
  ) {
    const resume = pauseStackCapture();
    super(typeof detail === "string" ? detail : "Validation failed");
    resume();
    this.name = "ApiError";
    this.status = status;
    this.detail = detail;
    this.headers = headers;
    this.extra = extra;
  }
}

export const DETAIL = {
  notAuthenticated: "Not authenticated",
  tokenExpired: "Token has expired",
  missingSubject: "Token missing user identifier",
  invalidToken: "Invalid authentication token",
  authUnavailable: "Authentication service unavailable",
  databaseUnavailable: "Database unavailable",
  requestTimedOut:
    "The request took too long and was cancelled; retry it (with the same Idempotency-Key)",
  idempotencyKeyReused:
    "This Idempotency-Key was already used with a different request; use a new key for a new request",
  idempotencyKeyInFlight:
    "A request with this Idempotency-Key is still being processed; retry after it finishes",
  taskChanged: "This task was changed elsewhere since you loaded it.",
  taskQuotaReached: (quota: string) =>
    `Task limit reached: an account can hold at most ${quota} tasks. Delete some to add more.`,
  importOverQuota: (quota: string, held: number) =>
    `Import refused: an account can hold at most ${quota} tasks and this one holds ${held}; nothing was imported.`,
  importTooLarge: "The file is too large to import (the limit is 10 MB)",
  shuttingDown: "Shutting down",
  forbiddenTask: "Not allowed to access this task",
  notFound: "Not Found",
  taskNotFound: "Task not found",
  labelNotFound: "Label not found",
  accountDeleted: "Account deleted",
  methodNotAllowed: "Method Not Allowed",
  payloadTooLarge: "Request body too large (the limit is 64 KiB)",
  unsupportedMediaType: "Unsupported Media Type: send the body as application/json",
  unreadableForm: "The multipart form could not be read",
  unsupportedImportType:
    "Unsupported Media Type: send the file in a multipart form (field file), or as application/json or text/csv",
  bodyCutShort: "The connection closed before the whole request body arrived",
  internal: "Internal Server Error",
  tooManyStreams: (most: number) =>
    `Too many open event streams: at most ${most} per user; close one (another tab) and retry`,
  streamsFull: "This server holds as many event streams as it can; retry shortly",
  badLastEventId: "Last-Event-ID should be the id of an event this stream sent",
} as const;

/** The 429's words: which limit, and when to try again. */
export const tooManyRequests = (policy: "requests" | "writes", quota: number, seconds: number) =>
  `Too many requests: the limit is ${quota} ${policy === "writes" ? "writes (POST, PUT, PATCH, DELETE)" : "requests"} a minute; try again in ${seconds} ${seconds === 1 ? "second" : "seconds"}`;

export const unauthorized = (detail: string) =>
  new ApiError(401, detail, { "WWW-Authenticate": "Bearer" });

export const validationError = (issues: ValidationIssue[]) => new ApiError(422, issues);
