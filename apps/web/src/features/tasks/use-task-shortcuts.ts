"use client";

import { useEffect } from "react";
import { focusedRow, moveTaskFocus, SEARCH_INPUT_ID } from "./task-focus";
import { type RowActions, useRowActions } from "./task-row-actions";
import { createShortcutHandler } from "./task-shortcuts";
import type { TaskView } from "./task-views";

interface ScreenActions {
  focusQuickAdd(): void;
  openHelp(): void;
  /** Open a view from the keyboard (focus then goes to its heading). */
  goTo(view: TaskView): void;
}

/**
 * The keyboard shortcuts of the task screen (the list in `task-shortcuts.ts`), listened for on the
 * whole document. A task's shortcuts act on the row holding focus; Space and Enter only when the
 * row itself has it, so on a button or checkbox they keep their usual meaning.
 */
export function useTaskShortcuts({ focusQuickAdd, openHelp, goTo }: ScreenActions): void {
  const rowActions = useRowActions();

  useEffect(() => {
    const onRow =
      (act: (actions: RowActions) => void, keysOnRowItself: readonly string[] = []) =>
      (event: KeyboardEvent) => {
        const row = focusedRow();
        if (!row) return false;
        if (keysOnRowItself.includes(event.key) && document.activeElement !== row) return false;
        const actions = rowActions(row.dataset.taskId ?? "");
        if (!actions) return false;
        act(actions);
        return true;
      };
    const go = (view: TaskView) => () => {
      goTo(view);
      return true;
    };
    const handler = createShortcutHandler({
      quickAdd: () => {
        focusQuickAdd();
        return true;
      },
      search: () => {
        const field = document.getElementById(SEARCH_INPUT_ID);
        if (!(field instanceof HTMLInputElement)) return false;
        field.focus();
        field.select();
        return true;
      },
      help: () => {
        openHelp();
        return true;
      },
      next: () => moveTaskFocus(1),
      previous: () => moveTaskFocus(-1),
      complete: onRow((actions) => actions.toggleCompleted(), [" "]),
      edit: onRow((actions) => actions.edit(), ["Enter"]),
      delete: onRow((actions) => actions.remove()),
      priorityHigh: onRow((actions) => actions.setPriority("high")),
      priorityMedium: onRow((actions) => actions.setPriority("medium")),
      priorityLow: onRow((actions) => actions.setPriority("low")),
      priorityNone: onRow((actions) => actions.setPriority("none")),
      dueToday: onRow((actions) => actions.dueInDays(0)),
      dueTomorrow: onRow((actions) => actions.dueInDays(1)),
      goInbox: go({ kind: "inbox" }),
      goToday: go({ kind: "today" }),
      goUpcoming: go({ kind: "upcoming" }),
    });
    document.addEventListener("keydown", handler);
    return () => document.removeEventListener("keydown", handler);
  }, [rowActions, focusQuickAdd, openHelp, goTo]);
}
