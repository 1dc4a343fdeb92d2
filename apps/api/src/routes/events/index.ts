import type { App } from "../../lib/context.ts";
import { registerStreamEvents } from "./stream-events.ts";

/** `/api/events`: the caller's changes, live. */
export function registerEventRoutes(app: App) {
  registerStreamEvents(app);
}
