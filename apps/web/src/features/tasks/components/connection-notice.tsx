"use client";

import { useApiConnection } from "../use-api-connection";
import { AlertIcon } from "./icons";

/**
 * "Offline — changes can't be saved" while the task API cannot be reached; gone by itself once
 * it answers again. Else, while live updates have been down for a while (`livePaused`), a quieter
 * line says so: changes made elsewhere show again once they are back. A polite live region, so
 * screen readers hear them come and go.
 */
export function ConnectionNotice({ livePaused = false }: { livePaused?: boolean }) {
  const { offline } = useApiConnection();
  return (
    // Out of the layout while empty (no gap for it), yet always there for screen readers.
    <div role="status" aria-live="polite" className="empty:absolute">
      {offline ? (
        <p className="flex items-start gap-2 rounded-lg border border-amber-500/50 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:bg-amber-950/40 dark:text-amber-100">
          <AlertIcon className="mt-0.5 size-4 shrink-0" />
          <span>
            <strong className="font-semibold">Offline — changes can't be saved.</strong> Trying to
            reconnect; your tasks reload by themselves when the connection is back.
          </span>
        </p>
      ) : livePaused ? (
        <p className="flex items-center gap-2 text-sm text-muted-foreground">
          <span aria-hidden="true" className="size-2 shrink-0 rounded-full bg-amber-500" />
          Live updates paused — reconnecting…
        </p>
      ) : null}
    </div>
  );
}
