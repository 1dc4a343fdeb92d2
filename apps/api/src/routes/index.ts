import type { App } from "../lib/context.ts";
import { registerSecurityScheme } from "../lib/openapi.ts";
import { registerAccountRoutes } from "./account/index.ts";
import { registerEventRoutes } from "./events/index.ts";
import { registerHealthRoutes } from "./health/index.ts";
import { registerLabelRoutes } from "./labels/index.ts";
import { registerPushRoutes } from "./push/index.ts";
import { registerTaskRoutes } from "./tasks/index.ts";

/** Every documented route of the API. Used by the app and by the OpenAPI snapshot alike. */
export function registerRoutes(app: App) {
  registerSecurityScheme(app);
  registerHealthRoutes(app);
  registerTaskRoutes(app);
  registerLabelRoutes(app);
  registerAccountRoutes(app);
  registerPushRoutes(app);
  registerEventRoutes(app);
}
