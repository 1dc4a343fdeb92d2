"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { MenuIcon } from "./icons";

/**
 * On narrow screens the sidebar is a drawer: a button opens it over the page, Escape, the close
 * button, the backdrop or opening a view closes it, and focus goes back to the button.
 */
export function ViewsDrawer({ children }: { children: (close: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) {
      wasOpen.current = true;
      panelRef.current?.querySelector<HTMLElement>("a, button")?.focus();
      const onKeyDown = (event: KeyboardEvent) => {
        if (event.key === "Escape") setOpen(false);
      };
      document.addEventListener("keydown", onKeyDown);
      return () => document.removeEventListener("keydown", onKeyDown);
    }
    if (wasOpen.current) {
      wasOpen.current = false;
      toggleRef.current?.focus();
    }
    return undefined;
  }, [open]);

  const close = () => setOpen(false);
  return (
    <div className="md:hidden">
      <Button
        ref={toggleRef}
        variant="outline"
        size="icon"
        aria-label="Views"
        aria-expanded={open}
        onClick={() => setOpen(true)}
      >
        <MenuIcon className="size-5" />
      </Button>
      {open ? (
        <div className="fixed inset-0 z-30">
          <button
            type="button"
            tabIndex={-1}
            aria-hidden="true"
            className="absolute inset-0 size-full cursor-default bg-black/40"
            onClick={close}
          />
          <div
            ref={panelRef}
            role="dialog"
            aria-modal="true"
            aria-label="Views"
            className="absolute inset-y-0 left-0 grid w-72 max-w-[85vw] content-start gap-4 overflow-y-auto border-r bg-background p-4 shadow-lg"
          >
            <Button variant="ghost" size="sm" className="justify-self-end" onClick={close}>
              Close
            </Button>
            {children(close)}
          </div>
        </div>
      ) : null}
    </div>
  );
}
