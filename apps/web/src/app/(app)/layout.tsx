import type { ReactNode } from "react";
import { ReminderToasts } from "@/features/reminders/components/reminder-toasts";
import { requireSession } from "@/lib/session";
import { SignOutListener } from "./_components/sign-out-listener";

/**
 * Everything in (app) needs a session: checked here, on the server, before any page renders. Each
 * page renders the header (`_components/app-header.tsx`) with what it puts in it (the tasks page:
 * its search box) and its <main>. Every signed-in page shows a reminder that goes off while it is
 * open.
 */
export default async function AppLayout({ children }: { children: ReactNode }) {
  await requireSession();
  return (
    <>
      <SignOutListener />
      <ReminderToasts />
      {children}
    </>
  );
}
