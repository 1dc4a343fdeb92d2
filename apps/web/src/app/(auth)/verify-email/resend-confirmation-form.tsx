"use client";

import { type FormEvent, useState } from "react";
import { validateEmail } from "../_components/auth-error-message";
import { EmailField } from "../_components/auth-form";
import { AuthLink } from "../_components/auth-link";
import { FormAlert } from "../_components/form-alert";
import { LinkSentNotice, useResendVerification } from "../_components/resend-verification";
import { SubmitButton } from "../_components/submit-button";

const ERROR_ID = "resend-confirmation-error";

/** A new confirmation link for an address typed here (an expired link does not say whose). */
export function ResendConfirmationForm() {
  const [invalid, setInvalid] = useState<string | null>(null);
  const [email, setEmail] = useState("");
  const { pending, sent, error, resend } = useResendVerification();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    const problem = validateEmail(typed);
    setInvalid(problem);
    if (problem) return;
    setEmail(typed);
    await resend(typed);
  }

  if (sent) return <LinkSentNotice email={email} />;
  const message = invalid ?? error;
  return (
    <form
      method="post"
      noValidate
      onSubmit={handleSubmit}
      className="space-y-4"
      aria-describedby={ERROR_ID}
    >
      <p className="text-sm text-muted-foreground">
        Enter your address to get a new link. For a change of address, ask again from your account.
      </p>
      <FormAlert id={ERROR_ID} message={message} />
      <EmailField invalid={message !== null} />
      <SubmitButton pending={pending}>Send a new link</SubmitButton>
      <p className="text-center text-sm text-muted-foreground">
        <AuthLink href="/sign-in">Back to sign in</AuthLink>
      </p>
    </form>
  );
}
