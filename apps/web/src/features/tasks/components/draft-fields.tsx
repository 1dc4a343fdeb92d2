"use client";

import { type ReactNode, useId } from "react";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { DESCRIPTION_MAX, lengthHint, TITLE_MAX } from "../task-limits";
import { submitOnEnter, type TaskDraftForm } from "../use-task-draft";

interface DraftFieldsProps {
  form: TaskDraftForm;
  titleLabel: string;
  descriptionLabel: string;
  titlePlaceholder?: string;
  /** Shown beside the title box (e.g. the "Add task" button). */
  titleAddon?: ReactNode;
  /** Shown under the title box (e.g. what quick add recognised in it). */
  belowTitle?: ReactNode;
  disabled?: boolean;
  /**
   * On phones, one line until the form is used: the labels are for screen readers only and the
   * description opens while focus is in the form (its element has `group/draft`) or it has text.
   */
  collapsible?: boolean;
}

function FieldNotes({ id, hint, error }: { id: string; hint: string | null; error?: string }) {
  return (
    <div id={id} className="flex flex-wrap justify-between gap-x-3 text-xs empty:hidden">
      {error ? (
        <p role="alert" className="font-medium text-destructive">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p className={cn("ml-auto text-muted-foreground", error && "text-destructive")}>{hint}</p>
      ) : null}
    </div>
  );
}

/** The title and description boxes shared by the add and edit forms, with their limits. */
export function DraftFields({
  form,
  titleLabel,
  descriptionLabel,
  titlePlaceholder,
  titleAddon,
  belowTitle,
  disabled,
  collapsible = false,
}: DraftFieldsProps) {
  const id = useId();
  const { draft, setDraft, errors } = form;
  const titleNotes = `${id}-title-notes`;
  const descriptionNotes = `${id}-description-notes`;
  return (
    <>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-title`} className={cn(collapsible && "sr-only sm:not-sr-only")}>
          {titleLabel}
        </Label>
        <div className="flex gap-2">
          <Input
            id={`${id}-title`}
            ref={form.titleRef}
            value={draft.title}
            placeholder={titlePlaceholder}
            autoComplete="off"
            disabled={disabled}
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={titleNotes}
            onChange={(event) => {
              const title = event.target.value;
              setDraft((current) => ({ ...current, title }));
            }}
          />
          {titleAddon}
        </div>
        <FieldNotes
          id={titleNotes}
          hint={lengthHint(draft.title, TITLE_MAX)}
          error={errors.title}
        />
        {belowTitle}
      </div>
      <div
        className={cn(
          "grid gap-1.5",
          collapsible && !draft.description && "hidden group-focus-within/draft:grid sm:grid",
        )}
      >
        <Label htmlFor={`${id}-description`}>{descriptionLabel}</Label>
        <Textarea
          id={`${id}-description`}
          ref={form.descriptionRef}
          value={draft.description}
          rows={2}
          disabled={disabled}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={`${id}-description-keys ${descriptionNotes}`}
          onKeyDown={submitOnEnter}
          onChange={(event) => {
            const description = event.target.value;
            setDraft((current) => ({ ...current, description }));
          }}
        />
        <p id={`${id}-description-keys`} className="sr-only">
          Enter saves; Shift+Enter starts a new line.
        </p>
        <FieldNotes
          id={descriptionNotes}
          hint={lengthHint(draft.description, DESCRIPTION_MAX)}
          error={errors.description}
        />
      </div>
    </>
  );
}
