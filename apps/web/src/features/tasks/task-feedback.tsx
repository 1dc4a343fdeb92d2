"use client";

import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { isUnreachable } from "@/lib/api-error";

/**
 * How the tasks feature talks back: `announce` for screen readers (polite), `fail` for a refusal
 * the user must see (shown in a role="alert" banner).
 */
export interface TaskFeedback {
  announce(message: string): void;
  /** `cause`: the error behind it. One of reaching the API goes once the API answers again. */
  fail(message: string, cause?: unknown): void;
}

interface FeedbackState {
  announcement: string;
  failure: string | null;
  dismissFailure(): void;
  /** The API answered again: a failure to reach it is out of date. */
  clearUnreachableFailure(): void;
}

const FeedbackContext = createContext<(TaskFeedback & FeedbackState) | null>(null);

export function TaskFeedbackProvider({ children }: { children: ReactNode }) {
  const [announcement, setAnnouncement] = useState("");
  const [failure, setFailure] = useState<{ message: string; unreachable: boolean } | null>(null);
  const announce = useCallback((message: string) => setAnnouncement(message), []);
  const fail = useCallback(
    (message: string, cause?: unknown) =>
      setFailure({ message, unreachable: isUnreachable(cause) }),
    [],
  );
  const dismissFailure = useCallback(() => setFailure(null), []);
  const clearUnreachableFailure = useCallback(
    () => setFailure((current) => (current?.unreachable ? null : current)),
    [],
  );
  const value = useMemo(
    () => ({
      announce,
      fail,
      announcement,
      failure: failure?.message ?? null,
      dismissFailure,
      clearUnreachableFailure,
    }),
    [announce, fail, announcement, failure, dismissFailure, clearUnreachableFailure],
  );
  return <FeedbackContext.Provider value={value}>{children}</FeedbackContext.Provider>;
}

function useFeedbackContext() {
  const context = useContext(FeedbackContext);
  if (!context) throw new Error("Task feedback used outside <TaskFeedbackProvider>");
  return context;
}

export function useTaskFeedback(): TaskFeedback {
  const { announce, fail } = useFeedbackContext();
  return useMemo(() => ({ announce, fail }), [announce, fail]);
}

export function useFeedbackState(): FeedbackState {
  const { announcement, failure, dismissFailure, clearUnreachableFailure } = useFeedbackContext();
  return { announcement, failure, dismissFailure, clearUnreachableFailure };
}
