"use client";

import { type FormEvent, useState } from "react";
import { authClient } from "@/lib/auth-client";
import { authErrorMessage, validateEmail } from "../_components/auth-error-message";
import { AuthForm, EmailField } from "../_components/auth-form";
import { AuthLink } from "../_components/auth-link";
import { FormAlert } from "../_components/form-alert";
import { FormNotice } from "../_components/form-notice";
import { SubmitButton } from "../_components/submit-button";

const ERROR_ID = "forgot-password-error";

/** The answer for every address, registered or not: it tells nobody who has an account. */
export const linkSentMessage =
  "If an account exists for that address, we sent a link to choose a new password. It works once, within an hour.";

export function ForgotPasswordForm() {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [sent, setSent] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    const invalid = validateEmail(email);
    setError(invalid);
    if (invalid) return;
    setPending(true);
    setSent(false);
    const result = await authClient
      .requestPasswordReset({ email, redirectTo: "/reset-password" })
      .catch(() => null);
    setPending(false);
    if (!result || result.error) {
      setError(authErrorMessage(result?.error ?? { status: 0 }));
      return;
    }
    setSent(true);
  }

  return (
    <AuthForm title="Forgot your password?" errorId={ERROR_ID} onSubmit={handleSubmit}>
      <p className="text-sm text-muted-foreground">
        Enter your account&apos;s email address and we will mail you a link to choose a new one.
      </p>
      {sent ? <FormNotice>{linkSentMessage}</FormNotice> : null}
      <FormAlert id={ERROR_ID} message={error} />
      <EmailField invalid={error !== null} />
      <SubmitButton pending={pending}>Send the link</SubmitButton>
      <p className="text-center text-sm text-muted-foreground">
        Remembered it? <AuthLink href="/sign-in">Sign in</AuthLink>
      </p>
    </AuthForm>
  );
}
