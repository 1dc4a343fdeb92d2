"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { describeError } from "@/lib/api-error";
import type { Task } from "../task-api";
import { TRASH_DAYS } from "../trash-api";
import { useEmptyTrash, useTrash } from "../use-trash";
import { ConfirmAction } from "./confirm-action";
import { LoadMore, TaskListEmpty, TaskListError, TaskListSkeleton } from "./task-list-states";
import { TrashItem } from "./trash-item";

const LIST_CLASS =
  "divide-y overflow-hidden rounded-xl border bg-card text-card-foreground shadow-sm";

/** The first button of the row after (or else before) `item`, else the fallback. */
function focusNeighbour(item: HTMLLIElement | null, fallback: () => void): void {
  for (const sibling of [item?.nextElementSibling, item?.previousElementSibling]) {
    const button = sibling?.querySelector<HTMLButtonElement>("button:not(:disabled)");
    if (button) {
      button.focus();
      return;
    }
  }
  fallback();
}

/**
 * The Trash view: deleted tasks, newest deletion first (completed ones among the open ones, in
 * that order), each with "Restore" and "Delete forever", and "Empty trash". Each action is
 * shown at once; focus moves to the next row, or to the note above the list.
 */
export function TrashView() {
  const query = useTrash();
  const { mutate: empty } = useEmptyTrash();
  const [confirming, setConfirming] = useState(false);
  const noteRef = useRef<HTMLParagraphElement>(null);
  const emptyButtonRef = useRef<HTMLButtonElement>(null);
  const focusNote = () => noteRef.current?.focus();
  const returnFocus = useRef(false);

  useEffect(() => {
    if (confirming || !returnFocus.current) return;
    returnFocus.current = false;
    emptyButtonRef.current?.focus();
  }, [confirming]);

  const seen = new Set<string>();
  const tasks: Task[] = [];
  for (const task of query.data?.pages.flatMap((page) => page.tasks) ?? []) {
    if (!seen.has(task.id)) tasks.push(task);
    seen.add(task.id);
  }
  const isEmpty = tasks.length === 0 && !query.hasNextPage;

  let list: ReactNode;
  if (query.isPending) list = <TaskListSkeleton />;
  else if (query.isError && !query.data) {
    list = (
      <TaskListError
        message={describeError(query.error)}
        retrying={query.isFetching}
        onRetry={() => void query.refetch()}
      />
    );
  } else if (isEmpty) {
    list = (
      <TaskListEmpty
        text={{
          title: "The trash is empty",
          body: `Tasks you delete wait here for ${TRASH_DAYS} days, in case you want them back.`,
        }}
      />
    );
  } else {
    list = (
      <ul aria-label="Deleted tasks" className={LIST_CLASS}>
        {tasks.map((task) => (
          <TrashItem
            key={task.id}
            task={task}
            onLeave={(item) => {
              if (item?.contains(document.activeElement)) focusNeighbour(item, focusNote);
            }}
          />
        ))}
      </ul>
    );
  }

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p ref={noteRef} tabIndex={-1} className="text-sm text-muted-foreground outline-none">
          Deleted tasks stay here for {TRASH_DAYS} days, then they are deleted for good.
        </p>
        {tasks.length > 0 && confirming ? (
          <ConfirmAction
            question="Delete every task in the trash for good? This can't be undone."
            confirmLabel="Empty trash"
            onConfirm={() => {
              setConfirming(false);
              focusNote();
              empty();
            }}
            onCancel={() => {
              returnFocus.current = true;
              setConfirming(false);
            }}
          />
        ) : null}
        {tasks.length > 0 && !confirming ? (
          <Button ref={emptyButtonRef} variant="outline" onClick={() => setConfirming(true)}>
            Empty trash
          </Button>
        ) : null}
      </div>
      {list}
      <LoadMore query={query} what="deleted tasks" />
    </div>
  );
}
