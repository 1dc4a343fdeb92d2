"use client";

import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";

interface ConfirmActionProps {
  /** The question, in words: what will happen and that it cannot be undone. */
  question: string;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * An inline "are you sure?" for an action that cannot be undone. Focus starts on Cancel, so a
 * second Enter never confirms by accident; Escape cancels.
 */
export function ConfirmAction({ question, confirmLabel, onConfirm, onCancel }: ConfirmActionProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <fieldset
      aria-labelledby={questionId}
      className="m-0 flex min-w-0 flex-wrap items-center justify-end gap-2 border-0 p-0"
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.stopPropagation();
        onCancel();
      }}
    >
      <p id={questionId} className="text-sm font-medium">
        {question}
      </p>
      <Button variant="destructive" size="sm" onClick={onConfirm}>
        {confirmLabel}
      </Button>
      <Button ref={cancelRef} variant="outline" size="sm" onClick={onCancel}>
        Cancel
      </Button>
    </fieldset>
  );
}
