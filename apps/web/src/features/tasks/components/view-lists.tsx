"use client";

import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import type { Task } from "../task-api";
import { useRowActions } from "../task-row-actions";
import {
  type ScreenState,
  screenSections,
  type TaskView,
  type ViewDays,
  type ViewSection,
} from "../task-views";
import { useTaskList } from "../use-task-queries";
import { RequestedTask, useRequestedTask } from "./requested-task";
import { TaskList, visibleTasks } from "./task-list";
import type { EmptyText } from "./task-list-states";

interface ViewListsProps {
  screen: ScreenState;
  days: ViewDays;
  hidden: ReadonlyMap<string, Task>;
  onDelete(task: Task): void;
  focusFallback(): void;
  /** Focus the view's heading: where focus goes when a section's own button leaves with it. */
  focusHeading(): void;
}

function emptyText(screen: ScreenState, section: ViewSection): EmptyText | null {
  if (screen.search !== null) {
    return {
      title: `No tasks match "${screen.search}"`,
      body: "Check the spelling or try other words. Escape returns to your tasks.",
    };
  }
  return viewEmptyText(screen.view, section);
}

function viewEmptyText(view: TaskView, section: ViewSection): EmptyText | null {
  switch (view.kind) {
    case "inbox":
      return {
        title: "No tasks yet",
        body: "Add your first one above: type a title and press Enter.",
      };
    case "completed":
      return {
        title: "Nothing completed yet",
        body: "Tick a task's checkbox when it is done and it shows up here.",
      };
    case "label":
      return {
        title: `Nothing open with #${view.name}`,
        body: "Tasks you add here get this label.",
      };
    case "today":
      return section.id === "overdue"
        ? null
        : { title: "Nothing due today", body: "Enjoy the day, or add something for it above." };
    case "upcoming":
      return {
        title: "Nothing in the next 7 days",
        body: 'Add a task with a date, like "Call Ana friday 10am".',
      };
    case "trash":
      return null;
  }
}

/** A list's accessible name: its heading, else what it holds. */
function listLabel(screen: ScreenState, section: ViewSection): string {
  if (screen.search !== null) return "Search results";
  return section.heading ?? (screen.view.kind === "today" ? "Due today" : "Tasks");
}

function SectionList({
  screen,
  section,
  focusHeading,
  ...rest
}: Omit<ViewListsProps, "days" | "hidden"> & {
  section: ViewSection;
  hidden: { has(id: string): boolean };
}) {
  const query = useTaskList(section.filter);
  const rowActions = useRowActions();
  const { view } = screen;
  // Today's Overdue: each task shown made due today at its time, as `t` on its row does.
  const rescheduleAll = () => {
    for (const task of visibleTasks(query, rest.hidden)) rowActions(task.id)?.dueInDays(0);
    focusHeading();
  };
  return (
    // No room (nor gap) for a section with nothing to show, such as Today's Overdue when none is.
    <div className="grid gap-2 empty:hidden">
      {section.heading && (query.data?.pages[0]?.tasks.length ?? 0) > 0 ? (
        <div className="flex min-h-9 items-center justify-between gap-2">
          <h2 className="text-sm font-semibold text-destructive">{section.heading}</h2>
          {section.id === "overdue" ? (
            <Button variant="ghost" size="sm" onClick={rescheduleAll}>
              Reschedule to today
            </Button>
          ) : null}
        </div>
      ) : null}
      <TaskList
        filter={section.filter}
        query={query}
        label={listLabel(screen, section)}
        empty={emptyText(screen, section)}
        groupByDay={view.kind === "upcoming" && screen.search === null}
        {...rest}
      />
    </div>
  );
}

/**
 * The lists on screen: the view's one, Today's "Overdue" above the day's own, or a search's; above
 * them the task a reminder's link names (`RequestedTask`), which they then leave out.
 */
export function ViewLists({ screen, days, ...rest }: ViewListsProps) {
  const { view } = screen;
  const requested = useRequestedTask();
  // Left out of the lists from the start, so that its editor opens in one place only.
  const hidden = useMemo(
    () => ({ has: (id: string) => rest.hidden.has(id) || id === requested.id }),
    [rest.hidden, requested.id],
  );
  const shown = requested.task && !rest.hidden.has(requested.task.id) ? requested.task : undefined;
  return (
    <>
      {shown ? (
        <RequestedTask task={shown} onDelete={rest.onDelete} onDismiss={requested.dismiss} />
      ) : null}
      {screenSections(screen, days).map((section) => (
        <SectionList
          key={`${view.kind}:${view.kind === "label" ? view.name : ""}:${section.id}`}
          screen={screen}
          section={section}
          {...rest}
          hidden={hidden}
        />
      ))}
    </>
  );
}
