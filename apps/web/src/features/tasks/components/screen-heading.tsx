"use client";

import type { Ref } from "react";
import { type ScreenState, viewTitle } from "../task-views";
import { LabelActions } from "./label-actions";
import { SortMenu } from "./sort-menu";

interface ScreenHeadingProps {
  ref?: Ref<HTMLHeadingElement>;
  screen: ScreenState;
  focusAfterLabelDelete(): void;
}

/**
 * The screen's heading (it takes focus when a view is opened from the keyboard), with what the
 * view offers: its order (not the trash's), and on a label's view renaming or deleting the label. A search has its
 * own heading and is in relevance order.
 */
export function ScreenHeading({ ref, screen, focusAfterLabelDelete }: ScreenHeadingProps) {
  const { view, search } = screen;
  // One heading element whatever is shown, so focus put on it before a switch stays on it.
  return (
    <>
      <h1
        id="tasks-heading"
        ref={ref}
        tabIndex={-1}
        // On phones it takes the row's room left beside the order, smaller, so both fit on one line.
        className="min-w-0 flex-1 truncate rounded-sm text-xl font-semibold tracking-tight focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring sm:flex-none sm:text-2xl"
      >
        {search === null && view.kind === "label" ? <span aria-hidden="true"># </span> : null}
        {search === null ? viewTitle(view) : "Search"}
      </h1>
      {search !== null ? (
        <p className="min-w-0 truncate text-sm text-muted-foreground">
          Tasks matching "{search}", best matches first
        </p>
      ) : (
        <>
          {/* The trash has one order, newest deletion first. */}
          {view.kind === "trash" ? null : <SortMenu />}
          {view.kind === "label" ? (
            <LabelActions name={view.name} focusAfterDelete={focusAfterLabelDelete} />
          ) : null}
        </>
      )}
    </>
  );
}
