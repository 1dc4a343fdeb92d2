import { z } from "@hono/zod-openapi";
import type { App } from "./context.ts";
import { DETAIL } from "./errors.ts";

/** Shared OpenAPI pieces: the error bodies and the document's header. */

export const ErrorSchema = z
  .object({
    detail: z.string().openapi({
      description: "What went wrong, in words.",
      example: DETAIL.forbiddenTask,
    }),
  })
  .openapi("HTTPError", { description: "Every error except 422 has this body." });

export const ValidationIssueSchema = z
  .object({
    loc: z.array(z.union([z.string(), z.number()])).openapi({
      description: "Where the problem is: `body`, `query` or `path`, then the field.",
      example: ["body", "title"],
    }),
    msg: z.string().openapi({
      description: "What is wrong with it.",
      example: "String should have at least 1 character",
    }),
    type: z.string().openapi({
      description: "A machine-readable kind of problem (pydantic's names).",
      example: "string_too_short",
    }),
  })
  .openapi("ValidationError", { description: "One problem with the request." });

export const ValidationErrorSchema = z
  .object({
    detail: z.array(ValidationIssueSchema).openapi({
      description: "Every problem found in the request.",
      example: [{ loc: ["body", "title"], msg: "Field required", type: "missing" }],
    }),
  })
  .openapi("HTTPValidationError", { description: "The body of a 422 response." });

const ERROR_DESCRIPTIONS = {
  401: "Missing, malformed, expired or otherwise invalid bearer token, or the account was deleted (`Account deleted`); with `WWW-Authenticate: Bearer`.",
  403: "The task belongs to another user.",
  404: "No task with this id.",
  409: "A request with the same `Idempotency-Key` is still being processed (with `Retry-After`).",
  413: "The request body is larger than 64 KiB.",
  415: "The request body is not JSON.",
  429: "The caller's requests (`RATE_LIMIT_REQUESTS_PER_MINUTE`, default 600) or writes (`RATE_LIMIT_WRITES_PER_MINUTE`, default 120) in this minute are over the limit; the detail says which and when to retry.",
  503: "`Authentication service unavailable` (the JWKS could not be fetched yet), `Database unavailable`, or the request passed its deadline (`REQUEST_TIMEOUT_MS`); with `Retry-After`.",
} as const;

type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
const errorJson = () => json(ErrorSchema);

const header = (description: string, type: "string" | "integer" = "string") => ({
  description,
  schema: { type },
});

/** The fields of draft-ietf-httpapi-ratelimit-headers, on every answer of a task route. */
export const RATE_LIMIT_HEADERS = {
  "RateLimit-Policy": header(
    'The caller\'s quotas per 60-second window, e.g. `"requests";q=600;w=60, "writes";q=120;w=60` (writes only on POST, PUT, PATCH and DELETE).',
  ),
  RateLimit: header(
    'What is left of each quota and the seconds until its window ends, e.g. `"requests";r=599;t=60`.',
  ),
};

const RETRY_AFTER = {
  "Retry-After": header("Seconds until the request may be sent again.", "integer"),
};

type ErrorResponse = {
  description: string;
  content: ReturnType<typeof errorJson>;
  headers?: Record<string, ReturnType<typeof header>>;
};

/** The documented error responses of a route: `errorResponses(401, 404)` and always 422. */
export function errorResponses<S extends ErrorStatus>(...statuses: S[]) {
  const responses = {} as Record<S, ErrorResponse>;
  for (const status of statuses) {
    responses[status] = { description: ERROR_DESCRIPTIONS[status], content: errorJson() };
    if (status === 429) responses[status].headers = { ...RETRY_AFTER, ...RATE_LIMIT_HEADERS };
  }
  return {
    ...responses,
    422: {
      description:
        "Invalid path parameter, query parameter, header or body; or an `Idempotency-Key` already used with another request.",
      content: json(ValidationErrorSchema),
    },
  };
}

export { json as jsonContent };

export const BEARER_AUTH = [{ bearerAuth: [] }];

/** The id and time the documented examples show. */
export const EXAMPLE_ID = "0b9d6c3e-8f43-4a57-9d55-2f1c8e4a7b10";
export const EXAMPLE_TIME = "2026-11-23T09:30:00.000Z";

export const DOCUMENT_CONFIG = {
  openapi: "3.1.0",
  info: {
    title: "Taskline API",
    version: "1.0.0",
    description:
      "Each user's tasks. Every `/api/tasks` route needs `Authorization: Bearer <jwt>`, a token " +
      "issued by the Taskline web app (Better Auth JWT plugin, verified against its JWKS). " +
      'Errors are `{"detail": "…"}`; invalid input is a 422 with a list of problems.',
  },
  tags: [
    { name: "tasks", description: "The caller's tasks." },
    { name: "labels", description: "The labels on the caller's tasks." },
    {
      name: "account",
      description: "The caller's data as a whole: download it, or delete it with the account.",
    },
    { name: "health", description: "Liveness and readiness probes (no authentication)." },
  ],
};

/** Registers the bearer scheme used by the task routes' `security`. */
export function registerSecurityScheme(app: App) {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description:
      "A JWT from the web app (`GET /api/auth/token`), sent as `Authorization: Bearer …`.",
  });
}
