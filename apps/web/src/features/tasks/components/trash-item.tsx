"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { Task } from "../task-api";
import { TRASH_DAYS } from "../trash-api";
import { useDeleteForever, useRestoreFromTrash } from "../use-trash";
import { ConfirmAction } from "./confirm-action";
import { useDueClock } from "./due-clock";

const DAY_MS = 24 * 60 * 60 * 1000;

/** "5 Dec, 14:03" in the user's zone. */
const deletedOn = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(new Date(iso));

/** "in 29 days", "in 1 day", "today": when the trash lets the task go. */
function goneIn(deletedAt: string, now: Date): string {
  const days = Math.ceil((Date.parse(deletedAt) + TRASH_DAYS * DAY_MS - now.getTime()) / DAY_MS);
  if (days <= 0) return "today";
  return `in ${days} ${days === 1 ? "day" : "days"}`;
}

interface TrashItemProps {
  task: Task;
  /** Called before this row leaves the trash while it holds focus. */
  onLeave(item: HTMLLIElement | null): void;
}

/** A task in the trash: when it was deleted, and "Restore" or "Delete forever" (confirmed). */
export function TrashItem({ task, onLeave }: TrashItemProps) {
  const clock = useDueClock();
  const { mutate: restore } = useRestoreFromTrash();
  const { mutate: deleteForever } = useDeleteForever();
  const [confirming, setConfirming] = useState(false);
  const itemRef = useRef<HTMLLIElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (confirming || !returnFocus.current) return;
    returnFocus.current = false;
    deleteRef.current?.focus();
  }, [confirming]);

  const leave = (action: (task: Task) => void) => {
    onLeave(itemRef.current);
    action(task);
  };

  return (
    <li
      ref={itemRef}
      className="flex flex-wrap items-start justify-between gap-x-3 gap-y-2 px-3 py-3 sm:px-4"
    >
      <div className="min-w-0 flex-1">
        <p
          className={cn(
            "wrap-anywhere font-medium leading-snug",
            task.is_completed && "text-muted-foreground line-through",
          )}
        >
          {task.title}
        </p>
        <p className="mt-1 text-xs text-muted-foreground">
          {task.is_completed ? "Completed · " : null}
          {task.deleted_at
            ? `Deleted ${deletedOn(task.deleted_at, clock.timeZone)} · gone for good ${goneIn(task.deleted_at, clock.now)}`
            : null}
        </p>
      </div>
      {confirming ? (
        <ConfirmAction
          question={`Delete "${task.title}" for good? This can't be undone.`}
          confirmLabel="Delete forever"
          onConfirm={() => leave(deleteForever)}
          onCancel={() => {
            returnFocus.current = true;
            setConfirming(false);
          }}
        />
      ) : (
        <div className="flex shrink-0 gap-2">
          <Button
            variant="outline"
            size="sm"
            aria-label={`Restore "${task.title}"`}
            onClick={() => leave(restore)}
          >
            Restore
          </Button>
          <Button
            ref={deleteRef}
            variant="ghost"
            size="sm"
            className="text-destructive hover:bg-destructive/10 hover:text-destructive"
            aria-label={`Delete "${task.title}" forever`}
            onClick={() => setConfirming(true)}
          >
            Delete forever
          </Button>
        </div>
      )}
    </li>
  );
}
