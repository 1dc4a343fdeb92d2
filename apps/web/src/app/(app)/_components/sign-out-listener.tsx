"use client";

import { useEffect } from "react";
import { apiToken, type TokenSource } from "@/lib/api-token";
import { onSignOut } from "@/lib/sign-out-broadcast";

const goToSignIn = () => window.location.assign("/sign-in");

/**
 * Signed out in another tab: this one drops its API token at once and loads the sign-in page,
 * so nothing of the user stays on screen or in memory. `tokens` and `leave` are for tests.
 */
export function SignOutListener({
  tokens = apiToken,
  leave = goToSignIn,
}: {
  tokens?: Pick<TokenSource, "clear">;
  leave?: () => void;
}) {
  useEffect(
    () =>
      onSignOut(() => {
        tokens.clear();
        leave();
      }),
    [tokens, leave],
  );
  return null;
}
