import type { App } from "../../lib/context.ts";
import { registerDeleteAccount } from "./delete-account.ts";
import { registerExportTasks } from "./export-tasks.ts";
import { registerImportTasks } from "./import-tasks.ts";

/** `/api/me`, `/api/export`, `/api/import`: the caller's data as a whole. */
export function registerAccountRoutes(app: App) {
  registerExportTasks(app);
  registerImportTasks(app);
  registerDeleteAccount(app);
}
