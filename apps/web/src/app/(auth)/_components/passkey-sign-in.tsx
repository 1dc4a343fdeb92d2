"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { authClient } from "@/lib/auth-client";
import { FormAlert } from "./form-alert";

const ERROR_ID = "passkey-error";

const messages = {
  cancelled: "The passkey sign-in was cancelled or timed out. Try again, or use your password.",
  unknown: "This passkey is not registered with Taskline. Use your password instead.",
  failed: "Signing in with the passkey did not work. Try again, or use your password.",
} as const;

function messageFor(error: { code?: string | undefined; status: number }): string {
  if (error.code === "PASSKEY_NOT_FOUND") return messages.unknown;
  if (error.code === "AUTH_CANCELLED" || error.code?.startsWith("ERROR_")) {
    return messages.cancelled;
  }
  return messages.failed;
}

/**
 * Sign-in with a passkey, no email needed: a button, and the browser's own offer of the site's
 * passkeys in the email field's autofill where it supports that (conditional mediation).
 */
export function PasskeySignIn() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    const credential = typeof window === "undefined" ? undefined : window.PublicKeyCredential;
    if (!credential?.isConditionalMediationAvailable) return;
    let active = true;
    void credential.isConditionalMediationAvailable().then(async (available) => {
      if (!available || !active) return;
      const result = await authClient.signIn.passkey({ autoFill: true }).catch(() => null);
      // A dismissed or replaced autofill offer is no error to show.
      if (active && result?.data) {
        router.replace("/tasks");
        router.refresh();
      }
    });
    return () => {
      active = false;
    };
  }, [router]);

  async function signIn() {
    setPending(true);
    setError(null);
    const result = await authClient.signIn.passkey().catch(() => null);
    if (result?.data) {
      router.replace("/tasks");
      router.refresh();
      return;
    }
    setError(messageFor(result?.error ?? { status: 0 }));
    setPending(false);
  }

  return (
    <div className="space-y-3">
      <FormAlert id={ERROR_ID} message={error} />
      <button
        type="button"
        onClick={() => void signIn()}
        disabled={pending}
        aria-busy={pending}
        aria-describedby={error ? ERROR_ID : undefined}
        className="inline-flex h-10 w-full items-center justify-center gap-2 rounded-md border border-input bg-background px-4 text-sm font-medium shadow-xs transition-colors hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring disabled:cursor-not-allowed disabled:opacity-70"
      >
        Use a passkey
      </button>
    </div>
  );
}
