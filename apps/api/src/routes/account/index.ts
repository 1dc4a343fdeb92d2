import type { App } from "../../lib/context.ts";
import { registerDeleteAccount } from "./delete-account.ts";
import { registerExportTasks } from "./export-tasks.ts";

/** `/api/me`, `/api/export`: the caller's data as a whole. */
export function registerAccountRoutes(app: App) {
  registerExportTasks(app);
  registerDeleteAccount(app);
}
