import type { ReactNode } from "react";

/** Good news on an auth page (a link sent, a password changed), announced politely. */
export function FormNotice({ children }: { children: ReactNode }) {
  return (
    <div
      role="status"
      className="rounded-md border border-success/40 bg-success/10 px-3 py-2 text-sm text-foreground"
    >
      {children}
    </div>
  );
}
