import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../lib/context.ts";
import { DETAIL } from "../../lib/errors.ts";
import { ErrorSchema, jsonContent } from "../../lib/openapi.ts";

/** A database or JWKS that does not answer within this time counts as unreachable. */
export const READY_TIMEOUT_MS = 2_000;

export const ReadySchema = z
  .object({
    status: z.literal("ready").openapi({ description: "Always `ready`.", example: "ready" }),
  })
  .openapi("Ready", {
    description: "The database is reachable and the keys to verify tokens are held.",
  });

export const readyRoute = createRoute({
  method: "get",
  path: "/ready",
  operationId: "ready",
  tags: ["health"],
  summary: "Readiness: the database answers, tokens can be verified, the process is not stopping",
  responses: {
    200: { description: "Ready to serve.", content: jsonContent(ReadySchema) },
    503: {
      description:
        '`{"detail": "Database unavailable"}`, `{"detail": "Authentication service unavailable"}` while the JWKS has never been fetched (`jwks` mode), or `{"detail": "Shutting down"}` from the moment the process is told to stop: do not route traffic here.',
      content: jsonContent(ErrorSchema),
    },
  },
});

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function registerReady(app: App) {
  app.openapi(readyRoute, async (c) => {
    if (c.get("lifecycle").stopping) return c.json({ detail: DETAIL.shuttingDown }, 503);
    // Both at once: the JWKS fetch (tried only when no key set is held) need not wait for the ping.
    const [database, keys] = await Promise.allSettled([
      withTimeout(c.get("database").ping(), READY_TIMEOUT_MS),
      withTimeout(c.get("verifier").ready(), READY_TIMEOUT_MS),
    ]);
    if (database.status === "rejected") {
      c.get("log").warn({ reason: reasonOf(database.reason) }, "not ready: database");
      return c.json({ detail: DETAIL.databaseUnavailable }, 503);
    }
    if (keys.status === "rejected") {
      c.get("log").warn({ reason: reasonOf(keys.reason) }, "not ready: no JWKS key set yet");
      return c.json({ detail: DETAIL.authUnavailable }, 503);
    }
    return c.json({ status: "ready" as const }, 200);
  });
}
