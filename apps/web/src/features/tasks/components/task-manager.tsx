"use client";

import type { QueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Toaster } from "@/components/ui/sonner";
import type { ApiClient } from "@/lib/api-client";
import type { TaskStatus } from "../task-api";
import { countsWithout } from "../task-cache";
import { TaskFeedbackProvider, useFeedbackState } from "../task-feedback";
import { type InitialTasks, TasksProvider } from "../tasks-provider";
import { UNDO_WINDOW_MS, useTaskDeletion } from "../use-task-deletion";
import { usePrefetchTaskList, useTaskCounts, useTaskList } from "../use-task-queries";
import { AddTaskForm } from "./add-task-form";
import { TaskFilters } from "./task-filters";
import { TaskList } from "./task-list";

export interface TaskManagerProps {
  /** The first page and counts fetched on the server, if that worked. */
  initial?: InitialTasks | null;
  initialStatus?: TaskStatus;
  /** Injected in tests; the browser's client by default. */
  api?: ApiClient;
  queryClient?: QueryClient;
  undoWindowMs?: number;
}

/** The whole task screen: add, filter, list, edit, complete and delete with undo. */
export function TaskManager({
  initial,
  initialStatus,
  api,
  queryClient,
  undoWindowMs,
}: TaskManagerProps) {
  return (
    <TasksProvider initial={initial} api={api} queryClient={queryClient}>
      <TaskFeedbackProvider>
        <TaskScreen
          initialStatus={initialStatus ?? initial?.status ?? "all"}
          undoWindowMs={undoWindowMs ?? UNDO_WINDOW_MS}
        />
      </TaskFeedbackProvider>
      <Toaster />
    </TasksProvider>
  );
}

/** Keep the filter in the address bar (`?status=pending`) so a reload or a link keeps it. */
function showStatusInUrl(status: TaskStatus): void {
  const url = new URL(window.location.href);
  if (status === "all") url.searchParams.delete("status");
  else url.searchParams.set("status", status);
  window.history.replaceState(null, "", `${url.pathname}${url.search}${url.hash}`);
}

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
  );
}

function TaskScreen({
  initialStatus,
  undoWindowMs,
}: {
  initialStatus: TaskStatus;
  undoWindowMs: number;
}) {
  const [status, setStatus] = useState(initialStatus);
  const list = useTaskList(status);
  const counts = useTaskCounts();
  const prefetch = usePrefetchTaskList();
  const deletion = useTaskDeletion(undoWindowMs);
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

  return (
    <section aria-labelledby="tasks-heading" className="mx-auto grid w-full max-w-2xl gap-5">
      <h1 id="tasks-heading" className="text-2xl font-semibold tracking-tight">
        Tasks
      </h1>
      <AddTaskForm titleInputRef={titleInputRef} />
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
      <TaskFilters
        status={status}
        counts={counts.data && countsWithout(counts.data, deletion.hidden.values())}
        onIntent={prefetch}
        onChange={(next) => {
          setStatus(next);
          showStatusInUrl(next);
        }}
      />
      <TaskList
        status={status}
        query={list}
        hidden={deletion.hidden}
        onDelete={deletion.remove}
        focusFallback={focusAddInput}
      />
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </section>
  );
}
