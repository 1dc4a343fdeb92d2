"use client";

import { useEffect } from "react";
import { apiToken, type TokenSource } from "@/lib/api-token";
import { authClient } from "@/lib/auth-client";
import { onSignOut } from "@/lib/sign-out-broadcast";

/** Set on <html> while a page restored from the back/forward cache waits for its session check. */
export const SESSION_CHECK_ATTRIBUTE = "data-session-check";

/**
 * `replaceEntry`: a restored page takes its history entry's place, so going back does not lead
 * to it again.
 */
const goToSignIn = (replaceEntry: boolean) => {
  if (replaceEntry) window.location.replace("/sign-in");
  else window.location.assign("/sign-in");
};

/** Whether the browser still has a session; throws when the server cannot be asked. */
async function sessionIsActive(): Promise<boolean> {
  const { data, error } = await authClient.getSession({ query: { disableCookieCache: true } });
  if (error) throw new Error(error.message ?? "the session could not be checked");
  return data !== null;
}

/**
 * Ends this tab's view of the user's data when the session ends:
 * - signed out in another tab: it drops its API token at once and loads the sign-in page;
 * - restored from the back/forward cache (after a sign-out here, or a session that ended while
 *   it was away): it stays hidden until the server confirms the session, else goes to sign-in.
 *   A failed check reloads the page, which the server answers for the session it finds.
 * `tokens`, `leave` and `hasSession` are for tests.
 */
export function SignOutListener({
  tokens = apiToken,
  leave = goToSignIn,
  hasSession = sessionIsActive,
}: {
  tokens?: Pick<TokenSource, "clear">;
  leave?: (replaceEntry: boolean) => void;
  hasSession?: () => Promise<boolean>;
}) {
  useEffect(
    () =>
      onSignOut(() => {
        tokens.clear();
        leave(false);
      }),
    [tokens, leave],
  );

  useEffect(() => {
    const root = document.documentElement;
    // Hidden on the way into the cache, so a restored page shows nothing before the check.
    const onPageHide = (event: PageTransitionEvent) => {
      if (event.persisted) root.setAttribute(SESSION_CHECK_ATTRIBUTE, "");
    };
    const onPageShow = (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      void hasSession().then(
        (active) => {
          if (active) {
            root.removeAttribute(SESSION_CHECK_ATTRIBUTE);
            return;
          }
          tokens.clear();
          leave(true);
        },
        () => window.location.reload(),
      );
    };
    window.addEventListener("pagehide", onPageHide);
    window.addEventListener("pageshow", onPageShow);
    return () => {
      window.removeEventListener("pagehide", onPageHide);
      window.removeEventListener("pageshow", onPageShow);
    };
  }, [tokens, leave, hasSession]);

  return null;
}
