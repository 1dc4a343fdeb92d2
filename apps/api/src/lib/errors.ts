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
 * The one error class of the API. Anything thrown as an ApiError becomes
 * `{"detail": …}` with its status (and headers) in `app.onError`; anything else is a 500.
 */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly detail: string | ValidationIssue[];
  readonly headers: Record<string, string>;

  constructor(
    status: ContentfulStatusCode,
    detail: string | ValidationIssue[],
    headers: Record<string, string> = {},
  ) {
    super(typeof detail === "string" ? detail : "Validation failed");
    this.name = "ApiError";
    this.status = status;
    this.detail = detail;
    this.headers = headers;
  }
}

export const DETAIL = {
  notAuthenticated: "Not authenticated",
  tokenExpired: "Token has expired",
  missingSubject: "Token missing user identifier",
  invalidToken: "Invalid authentication token",
  authUnavailable: "Authentication service unavailable",
  databaseUnavailable: "Database unavailable",
  forbiddenTask: "Not allowed to access this task",
  notFound: "Not Found",
  taskNotFound: "Task not found",
  methodNotAllowed: "Method Not Allowed",
  payloadTooLarge: "Request body too large (the limit is 64 KiB)",
  unsupportedMediaType: "Unsupported Media Type: send the body as application/json",
  bodyCutShort: "The connection closed before the whole request body arrived",
  internal: "Internal Server Error",
} as const;

export const unauthorized = (detail: string) =>
  new ApiError(401, detail, { "WWW-Authenticate": "Bearer" });

export const validationError = (issues: ValidationIssue[]) => new ApiError(422, issues);
