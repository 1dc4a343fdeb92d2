"use client";

import type { QueryClient } from "@tanstack/react-query";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Toaster } from "@/components/ui/sonner";
import type { ApiClient } from "@/lib/api-client";
import { formatDate } from "@/lib/quick-add/wall-clock";
import { parseDate } from "../describe-due";
import type { SortPreferences } from "../sort-preference";
import { openCountOf, tabTitle } from "../tab-title";
import { countsWithout } from "../task-cache";
import { TaskFeedbackProvider, useFeedbackState } from "../task-feedback";
import { moveTaskFocus } from "../task-focus";
import { RowActionsProvider } from "../task-row-actions";
import { ariaKeyShortcuts } from "../task-shortcuts";
import type { SortKey } from "../task-sort";
import { type TaskView, todayIn, viewDays } from "../task-views";
import { type InitialTasks, type LiveSource, TasksProvider } from "../tasks-provider";
import { useLiveUpdates } from "../use-live-updates";
import { UNDO_WINDOW_MS, useTaskDeletion } from "../use-task-deletion";
import { useLabels, usePrefetchView, useTaskCounts } from "../use-task-queries";
import { useTaskShortcuts } from "../use-task-shortcuts";
import { useUserTimeZone } from "../use-user-time-zone";
import { useViewNavigation, ViewNavigationProvider } from "../view-navigation";
import { AddTaskForm } from "./add-task-form";
import { ConnectionNotice } from "./connection-notice";
import { DueClockProvider, useDueClock } from "./due-clock";
import { ScreenHeading } from "./screen-heading";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { TaskSidebar } from "./task-sidebar";
import { TrashView } from "./trash-view";
import { ViewLists } from "./view-lists";
import { ViewsDrawer } from "./views-drawer";

export interface TaskManagerProps {
  /** The view's first pages, the counts and the labels fetched on the server, if that worked. */
  initial?: InitialTasks | null;
  /** The view the page was opened on; Inbox by default. */
  view?: TaskView;
  /** The search the address named (`?q=`), shown instead of the view. */
  search?: string | null;
  /** The order the address named (`?sort=`). */
  sort?: SortKey | null;
  /** Each view's last order (the cookie's). */
  sortPreferences?: SortPreferences;
  /** The page's header (rendered here, inside the screen's state: its search box uses it). */
  header?: ReactNode;
  /** The zone the server rendered for (the browser's, from its cookie), if it knew it. */
  timeZone?: string | null;
  /** Injected in tests; the browser's client by default. */
  api?: ApiClient;
  queryClient?: QueryClient;
  /** With an injected `api`: the live stream to follow, if any (the browser's otherwise). */
  live?: LiveSource | null;
  undoWindowMs?: number;
}

const MAIN_ID = "tasks";

/** The whole task screen: views, add, list, edit, complete, delete with undo, and the trash. */
export function TaskManager({
  initial,
  view,
  search,
  sort,
  sortPreferences,
  header,
  timeZone,
  api,
  queryClient,
  live,
  undoWindowMs,
}: TaskManagerProps) {
  const zone = useUserTimeZone(timeZone ?? null);
  return (
    <TasksProvider initial={initial} api={api} queryClient={queryClient} live={live}>
      <TaskFeedbackProvider>
        <ViewNavigationProvider
          initial={view ?? { kind: "inbox" }}
          initialSearch={search ?? null}
          initialSort={sort ?? null}
          sortPreferences={sortPreferences}
        >
          <DueClockProvider timeZone={zone}>
            {/* The page's first stop for the keyboard: past the header's links and search. */}
            <a
              href={`#${MAIN_ID}`}
              className="sr-only rounded-md bg-background px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:outline-2 focus:outline-ring"
            >
              Skip to tasks
            </a>
            {header}
            <main
              id={MAIN_ID}
              tabIndex={-1}
              className="mx-auto w-full max-w-5xl px-4 py-6 outline-none sm:py-10"
            >
              <RowActionsProvider>
                <TaskScreen timeZone={zone} undoWindowMs={undoWindowMs ?? UNDO_WINDOW_MS} />
              </RowActionsProvider>
            </main>
          </DueClockProvider>
        </ViewNavigationProvider>
      </TaskFeedbackProvider>
      <Toaster />
    </TasksProvider>
  );
}

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
  );
}

function TaskScreen({ timeZone, undoWindowMs }: { timeZone: string; undoWindowMs: number }) {
  const { view, search, sort, navigate, sortFor } = useViewNavigation();
  const { now } = useDueClock();
  const today = formatDate(todayIn(timeZone, now));
  // Recomputed when the day changes (at midnight), not every minute.
  const days = useMemo(() => viewDays(parseDate(today)), [today]);
  const counts = useTaskCounts(days);
  const labels = useLabels();
  const prefetch = usePrefetchView(days, sortFor);
  const [helpOpen, setHelpOpen] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const deletion = useTaskDeletion(undoWindowMs);
  const live = useLiveUpdates();
  const { announcement, failure, dismissFailure } = useFeedbackState();
  const titleInputRef = useRef<HTMLInputElement>(null);
  const { undoLast } = deletion;

  // Ctrl/Cmd+Z outside a text box brings back the last deleted task while "Undo" is offered.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== "z" || !(event.ctrlKey || event.metaKey) || event.shiftKey) {
        return;
      }
      if (isTextField(event.target)) return;
      event.preventDefault();
      undoLast();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [undoLast]);

  const focusAddInput = useCallback(() => titleInputRef.current?.focus(), []);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  // From the quick-add line to the list, where the task shortcuts work (or the heading if empty).
  const leaveAddForm = useCallback(() => {
    if (!moveTaskFocus(1)) headingRef.current?.focus();
  }, []);
  const goTo = useCallback(
    (next: TaskView) => {
      navigate(next);
      // The focused row may belong to the view that is leaving: focus starts at the new heading.
      headingRef.current?.focus();
    },
    [navigate],
  );
  useTaskShortcuts({ focusQuickAdd: focusAddInput, openHelp, goTo });
  const screen = useMemo(() => ({ view, search, sort }), [view, search, sort]);
  const shownCounts =
    counts.data && countsWithout(counts.data, days.today, deletion.hidden.values());
  const title = tabTitle({ view, search }, openCountOf(view, shownCounts, labels.data));
  useEffect(() => {
    document.title = title;
  }, [title]);
  const sidebar = (onNavigate?: () => void) => (
    <TaskSidebar
      counts={shownCounts}
      labels={labels.data}
      onIntent={prefetch}
      onNavigate={onNavigate}
    />
  );

  return (
    <div className="grid gap-6 md:grid-cols-[13rem_minmax(0,1fr)]">
      <aside className="hidden md:block">{sidebar()}</aside>
      <section aria-labelledby="tasks-heading" className="grid min-w-0 content-start gap-5">
        <div className="flex flex-wrap items-center gap-3">
          <ViewsDrawer>{(close) => sidebar(close)}</ViewsDrawer>
          <ScreenHeading ref={headingRef} screen={screen} focusAfterLabelDelete={focusAddInput} />
          {/* Not on phones, rarely used with a keyboard there ("?" still opens it). */}
          <Button
            variant="ghost"
            size="sm"
            className="ml-auto hidden sm:inline-flex"
            aria-keyshortcuts={ariaKeyShortcuts("help")}
            onClick={openHelp}
          >
            <span aria-hidden="true" className="rounded border px-1.5 font-mono text-xs">
              ?
            </span>
            Keyboard shortcuts
          </Button>
        </div>
        {view.kind === "trash" ? null : (
          <AddTaskForm
            titleInputRef={titleInputRef}
            view={view}
            days={days}
            timeZone={timeZone}
            onEscape={leaveAddForm}
          />
        )}
        <ConnectionNotice livePaused={live.paused} />
        {failure ? (
          <div
            role="alert"
            className="flex items-start justify-between gap-3 rounded-lg border border-destructive/40 bg-destructive/10 px-4 py-3 text-sm"
          >
            <p>{failure}</p>
            <Button variant="ghost" size="sm" className="-my-1.5" onClick={dismissFailure}>
              Dismiss
            </Button>
          </div>
        ) : null}
        {view.kind === "trash" ? (
          <TrashView />
        ) : (
          <ViewLists
            screen={screen}
            days={days}
            hidden={deletion.hidden}
            onDelete={deletion.remove}
            focusFallback={focusAddInput}
            focusHeading={() => headingRef.current?.focus()}
          />
        )}
        <p role="status" className="sr-only">
          {announcement}
        </p>
        <ShortcutsDialog open={helpOpen} onOpenChange={setHelpOpen} />
      </section>
    </div>
  );
}
