import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getServerSession } from "@/lib/session";

/** Sign-in and sign-up: signed-in users go straight to their tasks. */
export default async function AuthLayout({ children }: { children: ReactNode }) {
  if (await getServerSession()) redirect("/tasks");
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="mb-6 text-center text-2xl font-semibold tracking-tight">Taskline</p>
        <div className="rounded-xl border bg-card p-6 text-card-foreground shadow-sm sm:p-8">
          {children}
        </div>
      </div>
    </main>
  );
}
