"use client";

import type { Task } from "../task-api";
import { type TaskView, type ViewDays, type ViewSection, viewSections } from "../task-views";
import { useTaskList } from "../use-task-queries";
import { TaskList } from "./task-list";
import type { EmptyText } from "./task-list-states";

interface ViewListsProps {
  view: TaskView;
  days: ViewDays;
  hidden: ReadonlyMap<string, Task>;
  onDelete(task: Task): void;
  focusFallback(): void;
}

function emptyText(view: TaskView, section: ViewSection): EmptyText | null {
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

function SectionList({
  view,
  section,
  ...rest
}: Omit<ViewListsProps, "days"> & { section: ViewSection }) {
  const query = useTaskList(section.filter);
  return (
    <div className="grid gap-2">
      {section.heading && (query.data?.pages[0]?.tasks.length ?? 0) > 0 ? (
        <h2 className="text-sm font-semibold text-destructive">{section.heading}</h2>
      ) : null}
      <TaskList
        filter={section.filter}
        query={query}
        label={section.heading ?? (view.kind === "today" ? "Due today" : "Tasks")}
        empty={emptyText(view, section)}
        groupByDay={view.kind === "upcoming"}
        {...rest}
      />
    </div>
  );
}

/** The lists of the view on screen: one, or Today's "Overdue" above the day's own. */
export function ViewLists({ view, days, ...rest }: ViewListsProps) {
  return (
    <>
      {viewSections(view, days).map((section) => (
        <SectionList
          key={`${view.kind}:${view.kind === "label" ? view.name : ""}:${section.id}`}
          view={view}
          section={section}
          {...rest}
        />
      ))}
    </>
  );
}
