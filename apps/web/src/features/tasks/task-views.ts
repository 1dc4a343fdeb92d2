import { addDays, type CalendarDate, formatDate, wallClockIn } from "@/lib/quick-add/wall-clock";
import type { Task, TaskStatus } from "./task-api";
import { type ApiSort, apiSortOf, type SortKey } from "./task-sort";

/** The organizing views: each is a URL under /tasks and one or more lists from the API. */
export type TaskView =
  | { kind: "inbox" }
  | { kind: "today" }
  | { kind: "upcoming" }
  | { kind: "completed" }
  | { kind: "label"; name: string }
  | { kind: "trash" };

/** The views the sidebar counts. */
export type FixedViewKind = Exclude<TaskView["kind"], "label" | "trash">;

export const FIXED_VIEWS: readonly FixedViewKind[] = ["inbox", "today", "upcoming", "completed"];

const TITLES: Record<FixedViewKind, string> = {
  inbox: "Inbox",
  today: "Today",
  upcoming: "Upcoming",
  completed: "Completed",
};

/**
 * One list the API is asked for: plain data, so it can be a query key. Due dates are calendar
 * days already worked out in the user's time zone (`YYYY-MM-DD`, both ends included).
 */
export interface ListFilter {
  status: TaskStatus;
  label?: string;
  dueAfter?: string;
  dueBefore?: string;
  /** A search (`q`): which tasks match is the API's to say, never worked out here. */
  q?: string;
  /** Absent: the API's default order (newest first; best match first with `q`). */
  sort?: ApiSort;
}

/** A part of a view with its own list: Today has "Overdue" above today's tasks. */
export interface ViewSection {
  id: string;
  heading: string | null;
  filter: ListFilter;
}

export const viewTitle = (view: TaskView) => {
  if (view.kind === "label") return view.name;
  return view.kind === "trash" ? "Trash" : TITLES[view.kind];
};

export function viewPath(view: TaskView): string {
  if (view.kind === "inbox") return "/tasks";
  if (view.kind === "label") return `/tasks/labels/${encodeURIComponent(view.name)}`;
  return `/tasks/${view.kind}`;
}

/** The view a route's segments after /tasks name, or null for a route that is none. */
export function viewFromSegments(segments: readonly string[]): TaskView | null {
  const [first, second, ...rest] = segments;
  if (first === undefined) return { kind: "inbox" };
  if (first === "labels" && second !== undefined && rest.length === 0) {
    const name = safeDecode(second);
    return name.trim() ? { kind: "label", name } : null;
  }
  if (second !== undefined) return null;
  if (first === "trash") return { kind: "trash" };
  return FIXED_VIEWS.find((kind) => kind !== "inbox" && kind === first)
    ? { kind: first as FixedViewKind }
    : null;
}

export function viewFromPath(pathname: string): TaskView | null {
  const segments = pathname.split("/").filter(Boolean);
  if (segments[0] !== "tasks") return null;
  return viewFromSegments(segments.slice(1));
}

/** A segment as written; one that is not percent-encoding (already decoded: "50%") as it is. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export const sameView = (a: TaskView, b: TaskView) =>
  a.kind === b.kind &&
  (a.kind !== "label" || (b.kind === "label" && a.name.toLowerCase() === b.name.toLowerCase()));

/** The calendar day it is now in `timeZone`. */
export function todayIn(timeZone: string, now = new Date()): CalendarDate {
  const { year, month, day } = wallClockIn(now, timeZone);
  return { year, month, day };
}

/** The days the date-based views cover, from today in the user's zone. */
export function viewDays(today: CalendarDate) {
  return {
    yesterday: formatDate(addDays(today, -1)),
    today: formatDate(today),
    tomorrow: formatDate(addDays(today, 1)),
    weekEnd: formatDate(addDays(today, 7)),
  };
}

export type ViewDays = ReturnType<typeof viewDays>;

const PENDING: ListFilter = { status: "pending" };

/**
 * What each view shows. Open views hold open tasks only; a ticked task leaves them. The Trash
 * lists the trash instead (trash-api.ts).
 */
export function viewSections(view: TaskView, days: ViewDays): ViewSection[] {
  switch (view.kind) {
    case "trash":
      return [];
    case "inbox":
      return [{ id: "inbox", heading: null, filter: PENDING }];
    case "completed":
      return [{ id: "completed", heading: null, filter: { status: "completed" } }];
    case "label":
      return [{ id: "label", heading: null, filter: { status: "pending", label: view.name } }];
    case "today":
      return [
        {
          id: "overdue",
          heading: "Overdue",
          filter: { status: "pending", dueBefore: days.yesterday },
        },
        {
          id: "today",
          heading: null,
          filter: { status: "pending", dueAfter: days.today, dueBefore: days.today },
        },
      ];
    case "upcoming":
      return [
        {
          id: "upcoming",
          heading: null,
          filter: { status: "pending", dueAfter: days.tomorrow, dueBefore: days.weekEnd },
        },
      ];
  }
}

/** What the screen shows: a view in an order, or a search's results (across every task). */
export interface ScreenState {
  view: TaskView;
  /** The search being shown instead of the view, if any. */
  search: string | null;
  sort: SortKey;
}

/** The lists of the screen: the view's sections in its order, or the search's one list. */
export function screenSections(screen: ScreenState, days: ViewDays): ViewSection[] {
  if (screen.search !== null) {
    return [{ id: "search", heading: null, filter: { status: "all", q: screen.search } }];
  }
  const sort = apiSortOf(screen.sort);
  return viewSections(screen.view, days).map((section) =>
    sort === undefined ? section : { ...section, filter: { ...section.filter, sort } },
  );
}

/** The lists whose sizes the sidebar shows (labels come with `GET /api/labels`). */
export function countFilters(days: ViewDays): Record<FixedViewKind, ListFilter> {
  return {
    inbox: PENDING,
    today: { status: "pending", dueBefore: days.today },
    upcoming: { status: "pending", dueAfter: days.tomorrow, dueBefore: days.weekEnd },
    completed: { status: "completed" },
  };
}

/**
 * Whether the API would list `task` under `filter`, worked out on the client for instant updates.
 * A search (`q`) is not: this says only whether the task passes the filter's other conditions.
 */
export function matchesFilter(task: Task, filter: ListFilter): boolean {
  if (filter.status !== "all" && task.is_completed !== (filter.status === "completed")) {
    return false;
  }
  if (filter.label !== undefined) {
    const wanted = filter.label.toLowerCase();
    if (!task.labels.some((label) => label.toLowerCase() === wanted)) return false;
  }
  if (filter.dueAfter === undefined && filter.dueBefore === undefined) return true;
  const due = task.due_date;
  if (due === null) return false;
  if (filter.dueAfter !== undefined && due < filter.dueAfter) return false;
  if (filter.dueBefore !== undefined && due > filter.dueBefore) return false;
  return true;
}

/** A cached list's filter, read back from its query key. */
export function isListFilter(value: unknown): value is ListFilter {
  return typeof value === "object" && value !== null && "status" in value;
}

/**
 * What adding a task from this view presets (typed text overrides it), so that it shows where it
 * was added: Today's date, Upcoming's first day (tomorrow), a label's view that label.
 */
export function viewPreset(view: TaskView, days: ViewDays) {
  if (view.kind === "today") return { dueDate: days.today };
  if (view.kind === "upcoming") return { dueDate: days.tomorrow };
  if (view.kind === "label") return { labels: [view.name] };
  return {};
}
