"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { keysOf, SHORTCUT_GROUPS, SHORTCUTS } from "../task-shortcuts";

function Keys({ binding }: { binding: string }) {
  const presses = keysOf(binding);
  return (
    <span className="inline-flex items-center gap-1">
      {presses.map((key, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a binding's presses never reorder
        <span key={index} className="inline-flex items-center gap-1">
          {index > 0 ? <span className="text-xs text-muted-foreground">then</span> : null}
          <kbd className="min-w-6 rounded border bg-muted px-1.5 py-0.5 text-center font-mono text-xs">
            {key}
          </kbd>
        </span>
      ))}
    </span>
  );
}

/**
 * The keyboard shortcuts, listed from their one definition (`task-shortcuts.ts`), in a modal
 * dialog: focus stays inside while it is open, Escape or Close ends it and focus goes back to where
 * it was.
 */
export function ShortcutsDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange(open: boolean): void;
}) {
  const returnTo = useRef<HTMLElement | null>(null);
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content
          onOpenAutoFocus={() => {
            // Still the element focused before the dialog opened: focus returns there after.
            if (document.activeElement instanceof HTMLElement) {
              returnTo.current = document.activeElement;
            }
          }}
          onCloseAutoFocus={(event) => {
            const target = returnTo.current;
            if (target?.isConnected) {
              event.preventDefault();
              target.focus();
            }
          }}
          className="fixed top-1/2 left-1/2 z-50 grid max-h-[85vh] w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 gap-4 overflow-y-auto rounded-xl border bg-background p-5 shadow-lg"
        >
          <div className="flex items-center justify-between gap-3">
            <Dialog.Title className="text-lg font-semibold">Keyboard shortcuts</Dialog.Title>
            <Dialog.Close asChild>
              <Button variant="ghost" size="sm">
                Close
              </Button>
            </Dialog.Close>
          </div>
          <Dialog.Description className="text-sm text-muted-foreground">
            They work anywhere on the tasks page except while typing in a field. A task's keys act
            on the focused task: move with j and k.
          </Dialog.Description>
          {SHORTCUT_GROUPS.map((group, index) => (
            <section key={group} aria-labelledby={`shortcuts-${index}`} className="grid gap-2">
              <h3 id={`shortcuts-${index}`} className="text-sm font-semibold">
                {group}
              </h3>
              <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1.5 text-sm">
                {SHORTCUTS.filter((shortcut) => shortcut.group === group).map((shortcut) => (
                  <div key={shortcut.id} className="contents">
                    <dt>{shortcut.does}</dt>
                    <dd className="flex flex-wrap justify-end gap-1.5">
                      {shortcut.bindings.map((binding, index) => (
                        <span key={binding} className="inline-flex items-center gap-1.5">
                          {index > 0 ? (
                            <span className="text-xs text-muted-foreground">or</span>
                          ) : null}
                          <Keys binding={binding} />
                        </span>
                      ))}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
