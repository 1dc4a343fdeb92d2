"use client";

import { type KeyboardEvent, type RefObject, useRef, useState } from "react";
import {
  type DraftErrors,
  hasErrors,
  lengthErrors,
  type TaskDraft,
  toTaskInput,
  validateDraft,
} from "./task-limits";

export interface TaskDraftForm {
  draft: TaskDraft;
  setDraft(update: (current: TaskDraft) => TaskDraft): void;
  /** Length problems as the user types; every problem once they have tried to submit. */
  errors: DraftErrors;
  /** The API body, or null after showing what to fix and focusing the first field to fix. */
  check(): { title: string; description: string | null } | null;
  reset(next?: TaskDraft): void;
  titleRef: RefObject<HTMLInputElement | null>;
  descriptionRef: RefObject<HTMLTextAreaElement | null>;
}

const EMPTY: TaskDraft = { title: "", description: "" };

/**
 * The state of a title + description form (adding or editing a task). `titleOf` turns the typed
 * title into the one that is checked and sent (quick add takes its dates, priority and labels out).
 */
export function useTaskDraft(
  initial: TaskDraft = EMPTY,
  titleInputRef?: RefObject<HTMLInputElement | null>,
  titleOf: (typed: string) => string = (typed) => typed,
): TaskDraftForm {
  const [draft, setDraft] = useState(initial);
  const checkedDraft = { ...draft, title: titleOf(draft.title) };
  const [submitted, setSubmitted] = useState(false);
  const ownTitleRef = useRef<HTMLInputElement>(null);
  const titleRef = titleInputRef ?? ownTitleRef;
  const descriptionRef = useRef<HTMLTextAreaElement>(null);

  return {
    draft,
    setDraft,
    errors: submitted ? validateDraft(checkedDraft) : lengthErrors(draft),
    check() {
      const found = validateDraft(checkedDraft);
      if (!hasErrors(found)) return toTaskInput(checkedDraft);
      setSubmitted(true);
      (found.title ? titleRef : descriptionRef).current?.focus();
      return null;
    },
    reset(next = EMPTY) {
      setDraft(() => next);
      setSubmitted(false);
    },
    titleRef,
    descriptionRef,
  };
}

/** In a description box: Enter submits the form, Shift+Enter starts a new line. */
export function submitOnEnter(event: KeyboardEvent<HTMLTextAreaElement>): void {
  if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
  event.preventDefault();
  event.currentTarget.form?.requestSubmit();
}
