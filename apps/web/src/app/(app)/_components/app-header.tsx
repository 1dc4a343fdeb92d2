import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "./sign-out-button";

/** `search`: the page's search box, between the name and the account. */
export function AppHeader({ email, search }: { email: string; search?: ReactNode }) {
  return (
    // Opaque and above the rows' menus: nothing of the list scrolling under it shows through.
    <header className="sticky top-0 z-20 border-b bg-background">
      <div className="mx-auto flex h-14 max-w-5xl items-center justify-between gap-2 px-4 sm:gap-4">
        <Link href="/tasks" className="text-lg font-semibold tracking-tight">
          Taskline
        </Link>
        {search}
        <div className="flex shrink-0 items-center gap-2 sm:min-w-0 sm:shrink sm:gap-3">
          <Link
            href="/account"
            className="truncate rounded-sm text-sm text-muted-foreground hover:text-foreground hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
            title="Your account"
          >
            <span className="sr-only">Your account, signed in as </span>
            {/* On a phone the search box needs the room: the address is for screen readers only. */}
            <span aria-hidden="true" className="sm:hidden">
              Account
            </span>
            <span className="sr-only sm:not-sr-only">{email}</span>
          </Link>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
