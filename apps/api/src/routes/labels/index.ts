import type { App } from "../../lib/context.ts";
import { registerDeleteLabel } from "./delete-label.ts";
import { registerListLabels } from "./list-labels.ts";
import { registerRenameLabel } from "./rename-label.ts";

/** `/api/labels…`: the caller's labels across their tasks; another user's are never touched. */
export function registerLabelRoutes(app: App) {
  registerListLabels(app);
  registerRenameLabel(app);
  registerDeleteLabel(app);
}
