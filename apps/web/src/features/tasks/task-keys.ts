import type { TaskStatus } from "./task-api";

/** React Query keys for the tasks feature: one list per filter, and the counts. */
export const taskKeys = {
  all: ["tasks"] as const,
  lists: () => ["tasks", "list"] as const,
  list: (status: TaskStatus) => ["tasks", "list", status] as const,
  counts: () => ["tasks", "counts"] as const,
};
