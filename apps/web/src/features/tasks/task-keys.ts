import type { ListFilter } from "./task-views";

/**
 * React Query keys for the tasks feature: one list per filter, the sidebar's counts (for the day
 * they were counted on), the labels and the trash. Everything under `all` is refetched after a change.
 */
export const taskKeys = {
  all: ["tasks"] as const,
  lists: () => ["tasks", "list"] as const,
  list: (filter: ListFilter) => ["tasks", "list", filter] as const,
  counts: (today: string) => ["tasks", "counts", today] as const,
  countsAll: () => ["tasks", "counts"] as const,
  labels: () => ["tasks", "labels"] as const,
  trash: () => ["tasks", "trash"] as const,
};
