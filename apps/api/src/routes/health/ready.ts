import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../lib/context.ts";
import { DETAIL } from "../../lib/errors.ts";
import { ErrorSchema, jsonContent } from "../../lib/openapi.ts";

/** A database that does not answer within this time counts as unreachable. */
export const READY_TIMEOUT_MS = 2_000;

export const ReadySchema = z
  .object({
    status: z.literal("ready").openapi({ description: "Always `ready`.", example: "ready" }),
  })
  .openapi("Ready", { description: "The database is reachable." });

export const readyRoute = createRoute({
  method: "get",
  path: "/ready",
  operationId: "ready",
  tags: ["health"],
  summary: "Readiness: the database answers and the process is not stopping",
  responses: {
    200: { description: "Ready to serve.", content: jsonContent(ReadySchema) },
    503: {
      description:
        '`{"detail": "Database unavailable"}`, or `{"detail": "Shutting down"}` from the moment the process is told to stop: do not route traffic here.',
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

export function registerReady(app: App) {
  app.openapi(readyRoute, async (c) => {
    if (c.get("lifecycle").stopping) return c.json({ detail: DETAIL.shuttingDown }, 503);
    try {
      await withTimeout(c.get("database").ping(), READY_TIMEOUT_MS);
      return c.json({ status: "ready" as const }, 200);
    } catch (error) {
      c.get("log").warn(
        { reason: error instanceof Error ? error.message : String(error) },
        "not ready",
      );
      return c.json({ detail: DETAIL.databaseUnavailable }, 503);
    }
  });
}
