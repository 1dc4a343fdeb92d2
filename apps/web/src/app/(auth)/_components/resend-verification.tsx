"use client";

import { useState } from "react";
import { authClient } from "@/lib/auth-client";
import { authErrorMessage } from "./auth-error-message";
import { FormNotice } from "./form-notice";
import { Spinner } from "./submit-button";

/** Where a confirmation link leads (the result page). */
export const VERIFY_EMAIL_PATH = "/verify-email";

/**
 * Sends a new confirmation link. The answer is the same whether the address has an account (and
 * needs one) or not.
 */
export function useResendVerification() {
  const [state, setState] = useState<"idle" | "pending" | "sent">("idle");
  const [error, setError] = useState<string | null>(null);

  async function resend(email: string) {
    if (state === "pending") return;
    setState("pending");
    setError(null);
    const result = await authClient
      .sendVerificationEmail({ email, callbackURL: VERIFY_EMAIL_PATH })
      .catch(() => null);
    if (!result || result.error) {
      setError(authErrorMessage(result?.error ?? { status: 0 }));
      setState("idle");
      return;
    }
    setState("sent");
  }

  return { pending: state === "pending", sent: state === "sent", error, resend };
}

export function LinkSentNotice({ email }: { email: string }) {
  return <FormNotice>We sent a new link to {email}. It works once, within an hour.</FormNotice>;
}

/** "Send the link again", for an address the page already knows. */
export function ResendVerification({ email }: { email: string }) {
  const { pending, sent, error, resend } = useResendVerification();
  if (sent) return <LinkSentNotice email={email} />;
  return (
    <div className="space-y-2">
      <button
        type="button"
        onClick={() => resend(email)}
        disabled={pending}
        aria-busy={pending}
        className="inline-flex h-9 w-full items-center justify-center gap-2 rounded-md border border-input bg-background px-4 text-sm font-medium shadow-xs transition-colors hover:bg-accent hover:text-accent-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring disabled:cursor-not-allowed disabled:opacity-70"
      >
        {pending ? <Spinner /> : null}
        Send the link again
      </button>
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
