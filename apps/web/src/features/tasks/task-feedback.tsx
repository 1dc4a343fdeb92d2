"use client";

import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";

/**
 * How the tasks feature talks back: `announce` for screen readers (polite), `fail` for a refusal
 * the user must see (shown in a role="alert" banner).
 */
export interface TaskFeedback {
  announce(message: string): void;
  fail(message: string): void;
}

interface FeedbackState {
  announcement: string;
  failure: string | null;
  dismissFailure(): void;
}

const FeedbackContext = createContext<(TaskFeedback & FeedbackState) | null>(null);

export function TaskFeedbackProvider({ children }: { children: ReactNode }) {
  const [announcement, setAnnouncement] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const announce = useCallback((message: string) => setAnnouncement(message), []);
  const fail = useCallback((message: string) => setFailure(message), []);
  const dismissFailure = useCallback(() => setFailure(null), []);
  const value = useMemo(
    () => ({ announce, fail, announcement, failure, dismissFailure }),
    [announce, fail, announcement, failure, dismissFailure],
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
  const { announcement, failure, dismissFailure } = useFeedbackContext();
  return { announcement, failure, dismissFailure };
}
