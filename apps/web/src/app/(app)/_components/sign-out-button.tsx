"use client";

import { useState } from "react";
import { forgetBrowserOnSignOut } from "@/features/reminders/push-subscription";
import { createApiClient } from "@/lib/api-client";
import { apiToken } from "@/lib/api-token";
import { authClient } from "@/lib/auth-client";
import { publicEnv } from "@/lib/public-env";
import { announceSignOut } from "@/lib/sign-out-broadcast";

/**
 * Stops this browser's reminders (while the session can still ask the API), ends the session, tells the other tabs (they go to /sign-in too), then loads /sign-in as a
 * full page so nothing of this user (cached API token, task data) survives in memory for
 * whoever signs in next.
 */
export function SignOutButton() {
  const [pending, setPending] = useState(false);

  async function signOut() {
    setPending(true);
    await forgetBrowserOnSignOut(createApiClient({ baseUrl: publicEnv.apiUrl, tokens: apiToken }));
    await authClient.signOut().catch(() => null);
    announceSignOut();
    window.location.assign("/sign-in");
  }

  return (
    <button
      type="button"
      onClick={signOut}
      disabled={pending}
      aria-busy={pending}
      className="inline-flex h-9 shrink-0 items-center rounded-md border border-input bg-background px-3 text-sm font-medium shadow-xs transition-colors hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring disabled:opacity-60"
    >
      Sign out
    </button>
  );
}
