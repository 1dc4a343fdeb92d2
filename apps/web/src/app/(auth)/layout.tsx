import type { ReactNode } from "react";

/**
 * The frame of the pages about getting into an account. Sign-in and sign-up send signed-in users
 * to their tasks (redirectSignedIn); the pages a mailed link opens serve them too.
 */
export default function AuthLayout({ children }: { children: ReactNode }) {
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
