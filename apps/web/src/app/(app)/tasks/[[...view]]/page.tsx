import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { TaskManager } from "@/features/tasks/components/task-manager";
import { loadInitialTasks } from "@/features/tasks/load-initial-tasks";
import { viewFromSegments, viewPath, viewTitle } from "@/features/tasks/task-views";
import { mintApiToken, requireSession } from "@/lib/session";
import { isTimeZone, TIME_ZONE_COOKIE } from "@/lib/time-zone";

interface TasksPageProps {
  params: Promise<{ view?: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: TasksPageProps): Promise<Metadata> {
  const view = viewFromSegments((await params).view ?? []);
  return { title: view ? viewTitle(view) : "Tasks" };
}

/**
 * The task manager on one of its views (Inbox, Today, Upcoming, Completed, a label), with the
 * view's first page and the sidebar already fetched on the server (no loading flash).
 */
export default async function TasksPage({ params, searchParams }: TasksPageProps) {
  await requireSession();
  const view = viewFromSegments((await params).view ?? []);
  if (!view) notFound();
  // Links from before the views: ?status=completed is the Completed view now.
  if (view.kind === "inbox" && (await searchParams).status === "completed") {
    redirect(viewPath({ kind: "completed" }));
  }
  const zone = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  const timeZone = isTimeZone(zone) ? zone : null;
  const initial = timeZone ? await loadInitialTasks(await mintApiToken(), view, timeZone) : null;
  return <TaskManager initial={initial} view={view} timeZone={timeZone} />;
}
