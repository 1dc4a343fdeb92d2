"use client";

import { cn } from "@/components/ui/cn";
import { formatCount } from "../tab-title";
import type { Label, ListCount, TaskCounts } from "../task-api";
import { FIXED_VIEWS, sameView, type TaskView, viewTitle } from "../task-views";
import { useViewNavigation, ViewLink } from "../view-navigation";

interface TaskSidebarProps {
  counts: TaskCounts | undefined;
  labels: Label[] | undefined;
  /** The user is about to open this view (hover, focus): a chance to fetch it early. */
  onIntent(view: TaskView): void;
  /** A view was opened from here (the drawer closes). */
  onNavigate?(): void;
}

function ViewEntry({
  to,
  count,
  onIntent,
  onNavigate,
}: {
  to: TaskView;
  count: ListCount | undefined;
} & Pick<TaskSidebarProps, "onIntent" | "onNavigate">) {
  const { view, search } = useViewNavigation();
  // A search's results are no view's.
  const current = search === null && sameView(view, to);
  return (
    <li>
      <ViewLink
        to={to}
        aria-current={current ? "page" : undefined}
        onNavigate={onNavigate}
        onPointerEnter={() => onIntent(to)}
        onFocus={() => onIntent(to)}
        className={cn(
          "flex min-h-10 items-center justify-between gap-2 rounded-md px-3 py-2 text-sm font-medium transition-colors",
          "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
          current
            ? "bg-accent text-accent-foreground"
            : "text-muted-foreground hover:bg-muted hover:text-foreground",
        )}
      >
        <span className="truncate">
          {to.kind === "label" ? <span aria-hidden="true"># </span> : null}
          {viewTitle(to)}
        </span>
        {count ? " " : null}
        {count ? (
          <span className="min-w-6 rounded-full px-1.5 text-center text-xs tabular-nums">
            {formatCount(count)}
          </span>
        ) : null}
      </ViewLink>
    </li>
  );
}

/** The views with live counts: Inbox, Today, Upcoming, Completed, the Trash, then one per label. */
export function TaskSidebar({ counts, labels, onIntent, onNavigate }: TaskSidebarProps) {
  return (
    <nav aria-label="Views" className="grid gap-4">
      <ul className="grid gap-0.5">
        {FIXED_VIEWS.map((kind) => (
          <ViewEntry
            key={kind}
            to={{ kind } as TaskView}
            count={counts?.[kind]}
            onIntent={onIntent}
            onNavigate={onNavigate}
          />
        ))}
        <ViewEntry
          to={{ kind: "trash" }}
          count={undefined}
          onIntent={onIntent}
          onNavigate={onNavigate}
        />
      </ul>
      {labels && labels.length > 0 ? (
        <div className="grid gap-1">
          <h2
            id="labels-heading"
            className="px-3 text-xs font-semibold uppercase text-muted-foreground"
          >
            Labels
          </h2>
          <ul aria-labelledby="labels-heading" className="grid gap-0.5">
            {labels.map((label) => (
              <ViewEntry
                key={label.name}
                to={{ kind: "label", name: label.name }}
                count={{ count: label.open_count, capped: false }}
                onIntent={onIntent}
                onNavigate={onNavigate}
              />
            ))}
          </ul>
        </div>
      ) : null}
    </nav>
  );
}
