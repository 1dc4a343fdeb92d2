import type { Metadata } from "next";
import { TaskManager } from "@/features/tasks/components/task-manager";
import { loadInitialTasks } from "@/features/tasks/load-initial-tasks";
import { parseStatus } from "@/features/tasks/task-api";
import { mintApiToken, requireSession } from "@/lib/session";

export const metadata: Metadata = { title: "Tasks" };

interface TasksPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The task manager, with its first page already fetched on the server (no loading flash). */
export default async function TasksPage({ searchParams }: TasksPageProps) {
  await requireSession();
  const status = parseStatus((await searchParams).status);
  const initial = await loadInitialTasks(await mintApiToken(), status);
  return <TaskManager initial={initial} initialStatus={status} />;
}
