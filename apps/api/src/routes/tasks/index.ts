import type { App } from "../../lib/context.ts";
import { registerCreateTask } from "./create-task.ts";
import { registerDeleteTask } from "./delete-task.ts";
import { registerEmptyTrash } from "./empty-trash.ts";
import { registerGetTask } from "./get-task.ts";
import { registerListTasks } from "./list-tasks.ts";
import { registerReplaceTask } from "./replace-task.ts";
import { registerRestoreTask } from "./restore-task.ts";
import { registerSkipTask } from "./skip-task.ts";
import { registerToggleTask } from "./toggle-task.ts";
import { registerUpdateTask } from "./update-task.ts";

/** `/api/tasks…`: every route authenticates the caller and only ever touches the caller's tasks. */
export function registerTaskRoutes(app: App) {
  registerListTasks(app);
  registerCreateTask(app);
  registerGetTask(app);
  registerReplaceTask(app);
  registerUpdateTask(app);
  registerToggleTask(app);
  registerDeleteTask(app);
  registerSkipTask(app);
  registerRestoreTask(app);
  registerEmptyTrash(app);
}
