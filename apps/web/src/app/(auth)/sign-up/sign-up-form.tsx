"use client";

import { useState } from "react";
import { authClient } from "@/lib/auth-client";
import { AuthField } from "../_components/auth-field";
import { AuthForm, AuthMessage, EmailField, NewPasswordField } from "../_components/auth-form";
import { AuthLink } from "../_components/auth-link";
import { FormAlert } from "../_components/form-alert";
import { ResendVerification } from "../_components/resend-verification";
import { SubmitButton } from "../_components/submit-button";
import { useAuthSubmit } from "../_components/use-auth-submit";

const ERROR_ID = "sign-up-error";

/** The server's refusals that concern one field, so only that one is marked. */
const EMAIL_ERRORS = new Set([
  "USER_ALREADY_EXISTS",
  "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL",
  "INVALID_EMAIL",
]);
const PASSWORD_ERRORS = new Set(["PASSWORD_TOO_SHORT", "PASSWORD_TOO_LONG"]);

/** Better Auth wants a display name; without one, use the part of the email before the @. */
function nameFrom(name: string, email: string): string {
  return name || email.split("@")[0] || email;
}

/**
 * With REQUIRE_EMAIL_VERIFICATION=true, sign-up answers without a session, whether the address
 * was new or already had an account (whose owner gets a mail instead): both see this.
 */
function CheckYourEmail({ email }: { email: string }) {
  return (
    <AuthMessage title="Check your email">
      <p className="text-sm">
        We sent a message to <strong className="font-medium">{email}</strong>. Open the link in it
        to confirm your address and sign in. The link works once, within an hour.
      </p>
      <ResendVerification email={email} />
      <p className="text-center text-sm text-muted-foreground">
        Confirmed already? <AuthLink href="/sign-in">Sign in</AuthLink>
      </p>{" "}
    </AuthMessage>
  );
}

/** Sign-up made an account but no session: its address waits to be confirmed. */
const awaitsConfirmation = (data: unknown) =>
  typeof data === "object" && data !== null && "token" in data && data.token === null;

export function SignUpForm() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { error, fieldErrors, errorCode, pending, handleSubmit } = useAuthSubmit({
    checkLength: true,
    send: ({ email, password, form }) =>
      authClient.signUp.email({
        email,
        password,
        name: nameFrom(String(form.get("name") ?? "").trim(), email),
      }),
    handled: (data, { email }) => {
      if (!awaitsConfirmation(data)) return false;
      setSentTo(email);
      return true;
    },
  });

  if (sentTo) return <CheckYourEmail email={sentTo} />;

  return (
    <AuthForm title="Create your account" errorId={ERROR_ID} onSubmit={handleSubmit}>
      <FormAlert id={ERROR_ID} message={error} />
      <AuthField
        label="Name"
        name="name"
        type="text"
        autoComplete="name"
        hint="Optional."
        maxLength={100}
      />
      <EmailField
        invalid={errorCode !== null && EMAIL_ERRORS.has(errorCode)}
        error={fieldErrors.email}
        focusOnLoad
      />
      <NewPasswordField
        label="Password"
        invalid={errorCode !== null && PASSWORD_ERRORS.has(errorCode)}
        error={fieldErrors.password}
      />
      <SubmitButton pending={pending}>Create account</SubmitButton>
      <p className="text-center text-sm text-muted-foreground">
        Already have an account? <AuthLink href="/sign-in">Sign in</AuthLink>
      </p>
    </AuthForm>
  );
}
