import type { ReactNode } from "react";
import { requireSession } from "@/lib/session";
import { AppHeader } from "./_components/app-header";
import { SignOutListener } from "./_components/sign-out-listener";

/** Everything in (app) needs a session: checked here, on the server, before any page renders. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const { user } = await requireSession();
  return (
    <>
      <SignOutListener />
      <AppHeader email={user.email} />
      <main className="mx-auto w-full max-w-5xl px-4 py-6 sm:py-10">{children}</main>
    </>
  );
}
