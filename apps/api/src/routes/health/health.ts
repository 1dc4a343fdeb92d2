import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../lib/context.ts";
import { jsonContent } from "../../lib/openapi.ts";

export const HealthSchema = z
  .object({
    status: z.literal("ok").openapi({ description: "Always `ok`.", example: "ok" }),
  })
  .openapi("Health", { description: "The process is alive." });

export const healthRoute = createRoute({
  method: "get",
  path: "/health",
  operationId: "health",
  tags: ["health"],
  summary: "Liveness: the process answers",
  responses: {
    200: { description: "Alive.", content: jsonContent(HealthSchema) },
  },
});

export function registerHealth(app: App) {
  app.openapi(healthRoute, (c) => c.json({ status: "ok" as const }, 200));
}
