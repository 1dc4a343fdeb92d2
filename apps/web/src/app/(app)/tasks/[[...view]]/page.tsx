import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { TaskManager } from "@/features/tasks/components/task-manager";
import { TaskSearchField } from "@/features/tasks/components/task-search-field";
import { loadInitialTasks } from "@/features/tasks/load-initial-tasks";
import { parseSortPreferences, SORT_COOKIE, viewSortKey } from "@/features/tasks/sort-preference";
import { placeFromQuery } from "@/features/tasks/task-place";
import { DEFAULT_SORT } from "@/features/tasks/task-sort";
import { viewFromSegments, viewPath, viewTitle } from "@/features/tasks/task-views";
import { mintApiToken, requireSession } from "@/lib/session";
import { isTimeZone, TIME_ZONE_COOKIE } from "@/lib/time-zone";
import { AppHeader } from "../../_components/app-header";

type SearchParams = Record<string, string | string[] | undefined>;

interface TasksPageProps {
  params: Promise<{ view?: string[] }>;
  searchParams: Promise<SearchParams>;
}

/** A query parameter given once; a repeated one counts as absent. */
const single = (params: SearchParams) => ({
  get: (name: string) => {
    const value = params[name];
    return typeof value === "string" ? value : null;
  },
});

export async function generateMetadata({
  params,
  searchParams,
}: TasksPageProps): Promise<Metadata> {
  const view = viewFromSegments((await params).view ?? []);
  if (!view) return { title: "Tasks" };
  const { search } = placeFromQuery(view, single(await searchParams));
  return { title: search === null ? viewTitle(view) : `Search: ${search}` };
}

/**
 * The task manager on one of its views (Inbox, Today, Upcoming, Completed, a label), or a
 * search (`?q=`), in the order the address names (`?sort=`) or last chosen for the view (its
 * cookie), with the first page and the sidebar already fetched on the server (no loading flash).
 */
export default async function TasksPage({ params, searchParams }: TasksPageProps) {
  const { user } = await requireSession();
  const view = viewFromSegments((await params).view ?? []);
  if (!view) notFound();
  const query = await searchParams;
  // Links from before the views: ?status=completed is the Completed view now.
  if (view.kind === "inbox" && query.status === "completed") {
    redirect(viewPath({ kind: "completed" }));
  }
  const place = placeFromQuery(view, single(query));
  const jar = await cookies();
  const sortPreferences = parseSortPreferences(jar.get(SORT_COOKIE)?.value);
  const sort = place.sort ?? sortPreferences[viewSortKey(view)] ?? DEFAULT_SORT;
  const zone = jar.get(TIME_ZONE_COOKIE)?.value;
  const timeZone = isTimeZone(zone) ? zone : null;
  const initial = timeZone
    ? await loadInitialTasks(await mintApiToken(), { view, search: place.search, sort }, timeZone)
    : null;
  return (
    <TaskManager
      header={<AppHeader email={user.email} search={<TaskSearchField />} />}
      initial={initial}
      view={view}
      search={place.search}
      sort={place.sort}
      sortPreferences={sortPreferences}
      timeZone={timeZone}
    />
  );
}
