"use client";

import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { asSentence, describeError } from "@/lib/api-error";
import { labelProblem } from "../label-rules";
import { useTaskFeedback } from "../task-feedback";
import { useLabelActions } from "../use-label-actions";
import { useViewNavigation } from "../view-navigation";

interface LabelActionsProps {
  name: string;
  /** Where focus goes once the label is gone (the quick-add line). */
  focusAfterDelete(): void;
}

/**
 * A label's view can rename the label on every task (its view's address follows) or delete it
 * from every task, after asking; the tasks stay either way.
 */
export function LabelActions({ name, focusAfterDelete }: LabelActionsProps) {
  const [renaming, setRenaming] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (renaming || !returnFocus.current) return;
    returnFocus.current = false;
    renameButton.current?.focus();
  }, [renaming]);

  if (renaming) {
    return (
      <RenameLabelForm
        name={name}
        onDone={() => {
          returnFocus.current = true;
          setRenaming(false);
        }}
      />
    );
  }
  return (
    <div className="flex shrink-0 gap-2">
      <Button ref={renameButton} variant="outline" size="sm" onClick={() => setRenaming(true)}>
        Rename label
      </Button>
      <DeleteLabelButton name={name} focusAfterDelete={focusAfterDelete} />
    </div>
  );
}

function RenameLabelForm({ name, onDone }: { name: string; onDone(): void }) {
  const id = useId();
  const [text, setText] = useState(name);
  const [problem, setProblem] = useState<string | null>(null);
  const { rename } = useLabelActions();
  const { replaceView } = useViewNavigation();
  const feedback = useTaskFeedback();
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  return (
    <form
      aria-label={`Rename the label "${name}"`}
      noValidate
      className="grid w-full gap-2 sm:w-auto"
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        onDone();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        const to = text.trim();
        const wrong = labelProblem(to);
        if (wrong) {
          setProblem(wrong);
          inputRef.current?.focus();
          return;
        }
        if (to === name) {
          onDone();
          return;
        }
        rename.mutate(
          { from: name, to },
          {
            onSuccess: () => {
              replaceView({ kind: "label", name: to });
              feedback.announce(`Renamed the label "${name}" to "${to}".`);
              onDone();
            },
            onError: (error) => setProblem(asSentence(describeError(error))),
          },
        );
      }}
    >
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={id} className="sr-only">
          New name for the label "{name}"
        </label>
        <Input
          id={id}
          ref={inputRef}
          value={text}
          autoComplete="off"
          className="h-9 w-56"
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-problem`}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
        />
        <Button type="submit" size="sm" disabled={rename.isPending}>
          {rename.isPending ? "Renaming…" : "Rename"}
        </Button>
        <Button type="button" variant="outline" size="sm" onClick={onDone}>
          Cancel
        </Button>
      </div>
      <p
        id={`${id}-problem`}
        role="alert"
        className="text-xs font-medium text-destructive empty:hidden"
      >
        {problem ?? ""}
      </p>
    </form>
  );
}

function DeleteLabelButton({ name, focusAfterDelete }: LabelActionsProps) {
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { remove } = useLabelActions();
  const { replaceView } = useViewNavigation();
  const feedback = useTaskFeedback();
  const deleted = useRef(false);

  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setProblem(null);
      }}
    >
      <AlertDialog.Trigger asChild>
        <Button
          variant="outline"
          size="sm"
          className="hover:bg-destructive/10 hover:text-destructive"
        >
          Delete label
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <AlertDialog.Content
          onCloseAutoFocus={(event) => {
            if (!deleted.current) return;
            // Its button went with the label's view: focus goes to the quick-add line instead.
            deleted.current = false;
            event.preventDefault();
            focusAfterDelete();
          }}
          className="fixed top-1/2 left-1/2 z-50 grid w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 gap-4 rounded-xl border bg-background p-5 shadow-lg"
        >
          <AlertDialog.Title className="text-lg font-semibold">
            Delete the label "{name}"?
          </AlertDialog.Title>
          <AlertDialog.Description className="text-sm text-muted-foreground">
            It is removed from every task that has it. The tasks themselves stay.
          </AlertDialog.Description>
          {problem ? (
            <p role="alert" className="text-sm font-medium text-destructive">
              {problem}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button variant="outline" size="sm">
                Cancel
              </Button>
            </AlertDialog.Cancel>
            <Button
              variant="destructive"
              size="sm"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(name, {
                  onSuccess: () => {
                    deleted.current = true;
                    setOpen(false);
                    replaceView({ kind: "inbox" });
                    feedback.announce(`Deleted the label "${name}".`);
                  },
                  onError: (error) => setProblem(asSentence(describeError(error))),
                })
              }
            >
              {remove.isPending ? "Deleting…" : "Delete label"}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
