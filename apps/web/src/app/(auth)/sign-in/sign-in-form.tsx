"use client";

import { authClient } from "@/lib/auth-client";
import { AuthField } from "../_components/auth-field";
import { AuthForm, EmailField } from "../_components/auth-form";
import { AuthLink } from "../_components/auth-link";
import { FormAlert } from "../_components/form-alert";
import { FormNotice } from "../_components/form-notice";
import { ResendVerification } from "../_components/resend-verification";
import { SubmitButton } from "../_components/submit-button";
import { useAuthSubmit } from "../_components/use-auth-submit";

const ERROR_ID = "sign-in-error";

export function SignInForm({
  canResetPassword = false,
  passwordChanged = false,
}: {
  /** This server can mail reset links: offer "Forgot password?". */
  canResetPassword?: boolean;
  /** Arrived from a password reset. */
  passwordChanged?: boolean;
}) {
  const { error, errorCode, submittedEmail, pending, handleSubmit } = useAuthSubmit({
    checkLength: false,
    send: ({ email, password }) => authClient.signIn.email({ email, password }),
  });

  return (
    <AuthForm title="Sign in" errorId={ERROR_ID} onSubmit={handleSubmit}>
      {passwordChanged && !error ? (
        <FormNotice>Your password has been changed. Sign in with the new one.</FormNotice>
      ) : null}
      <FormAlert id={ERROR_ID} message={error} />
      {errorCode === "EMAIL_NOT_VERIFIED" ? <ResendVerification email={submittedEmail} /> : null}
      <EmailField invalid={error !== null} />
      <AuthField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        aria-invalid={error ? true : undefined}
      />
      {canResetPassword ? (
        <p className="-mt-2 text-right text-sm">
          <AuthLink href="/forgot-password">Forgot password?</AuthLink>
        </p>
      ) : null}
      <SubmitButton pending={pending}>Sign in</SubmitButton>
      <p className="text-center text-sm text-muted-foreground">
        New to Taskline? <AuthLink href="/sign-up">Create an account</AuthLink>
      </p>
    </AuthForm>
  );
}
