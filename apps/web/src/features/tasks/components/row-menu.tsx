"use client";

import {
  type KeyboardEvent,
  type Ref,
  type RefObject,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { MoreIcon } from "./icons";

export interface RowMenuItem {
  label: string;
  onSelect(): void;
  destructive?: boolean;
  /** Focus goes back to the menu button (the item leaves nothing else to focus). */
  returnFocus?: boolean;
}

interface RowMenuProps {
  /** The button's accessible name ("Actions for "Pay rent""). */
  label: string;
  items: RowMenuItem[];
  triggerRef?: Ref<HTMLButtonElement>;
  disabled?: boolean;
  className?: string;
}

/** Focus the menu's item `index` (wrapping around). */
function focusItem(menu: RefObject<HTMLDivElement | null>, index: number) {
  const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const count = items.length;
  if (count > 0) items[((index % count) + count) % count]?.focus();
}

/**
 * One button that opens a row's actions as a menu (the WAI-ARIA menu button pattern): Enter,
 * Space or a click opens it on its first item; arrows, Home and End move; Escape closes it and
 * focus returns to the button; Tab or a click elsewhere closes it. An item closes it and acts.
 */
export function RowMenu({ label, items, triggerRef, disabled, className }: RowMenuProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    if (!open) return undefined;
    focusItem(menuRef, 0);
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menuRef.current?.querySelectorAll('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as Element);
    const moves: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      Home: 0,
      End: items.length - 1,
    };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      focusItem(menuRef, next);
    } else if (event.key === "Escape") {
      // The row's own Escape handling (e.g. the list's shortcuts) must not see it too.
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === "Tab") {
      close(false);
    }
  };

  return (
    <div ref={rootRef} className={cn("relative", className)}>
      <Button
        ref={(element) => {
          buttonRef.current = element;
          if (typeof triggerRef === "function") triggerRef(element);
          else if (triggerRef) triggerRef.current = element;
        }}
        variant="ghost"
        size="icon"
        disabled={disabled}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((was) => !was)}
        onKeyDown={(event) => {
          if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
          event.preventDefault();
          setOpen(true);
        }}
      >
        <MoreIcon />
      </Button>
      {open ? (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={label}
          tabIndex={-1}
          className="absolute top-full right-0 z-10 mt-1 grid min-w-36 rounded-md border bg-popover p-1 text-popover-foreground shadow-md"
          onKeyDown={onMenuKeyDown}
        >
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={cn(
                "flex h-10 cursor-pointer items-center rounded-sm px-3 text-left text-sm hover:bg-accent focus-visible:bg-accent focus-visible:outline-2 focus-visible:outline-ring",
                item.destructive && "text-destructive",
              )}
              onClick={() => {
                close(item.returnFocus === true);
                item.onSelect();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
