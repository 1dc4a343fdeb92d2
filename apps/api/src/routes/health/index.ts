import type { App } from "../../lib/context.ts";
import { registerHealth } from "./health.ts";
import { registerReady } from "./ready.ts";

/** Probes for load balancers and orchestrators: no authentication. */
export function registerHealthRoutes(app: App) {
  registerHealth(app);
  registerReady(app);
}
