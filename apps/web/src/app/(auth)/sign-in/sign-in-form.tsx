"use client";

import { useRouter } from "next/navigation";
import { authClient, TWO_FACTOR_PAGE } from "@/lib/auth-client";
import { AuthForm, EmailField } from "../_components/auth-form";
import { AuthLink } from "../_components/auth-link";
import { FormAlert } from "../_components/form-alert";
import { FormNotice } from "../_components/form-notice";
import { PasskeySignIn } from "../_components/passkey-sign-in";
import { PasswordField } from "../_components/password-field";
import { ResendVerification } from "../_components/resend-verification";
import { SubmitButton } from "../_components/submit-button";
import { useAuthSubmit } from "../_components/use-auth-submit";

const ERROR_ID = "sign-in-error";

/** Better Auth's answer to a right password on an account with two-factor sign-in. */
const needsSecondFactor = (data: unknown) =>
  typeof data === "object" && data !== null && "twoFactorRedirect" in data;

const NOTICES = {
  "password-changed": "Your password has been changed. Sign in with the new one.",
  "account-deleted": "Your account and everything in it have been deleted.",
} as const;

export type SignInNotice = keyof typeof NOTICES;

export function SignInForm({
  canResetPassword = false,
  notice,
}: {
  /** This server can mail reset links: offer "Forgot password?". */
  canResetPassword?: boolean;
  /** Arrived from a password reset or an account's deletion. */
  notice?: SignInNotice | undefined;
}) {
  const router = useRouter();
  const { error, fieldErrors, errorCode, submittedEmail, pending, handleSubmit } = useAuthSubmit({
    checkLength: false,
    send: ({ email, password }) => authClient.signIn.email({ email, password }),
    handled: (data) => {
      if (!needsSecondFactor(data)) return false;
      router.push(TWO_FACTOR_PAGE);
      return true;
    },
  });

  return (
    <AuthForm title="Sign in" errorId={ERROR_ID} onSubmit={handleSubmit}>
      {notice && !error ? <FormNotice>{NOTICES[notice]}</FormNotice> : null}
      <FormAlert id={ERROR_ID} message={error} />
      {errorCode === "EMAIL_NOT_VERIFIED" ? <ResendVerification email={submittedEmail} /> : null}
      {/* "Invalid email or password" may concern either field. */}
      <EmailField invalid={error !== null} error={fieldErrors.email} passkeys focusOnLoad />
      <PasswordField
        label="Password"
        name="password"
        autoComplete="current-password"
        required
        error={fieldErrors.password}
        aria-invalid={error ? true : undefined}
      />
      {canResetPassword ? (
        <p className="-mt-2 text-right text-sm">
          <AuthLink href="/forgot-password">Forgot password?</AuthLink>
        </p>
      ) : null}
      <SubmitButton pending={pending}>Sign in</SubmitButton>
      <PasskeySignIn />
      <p className="text-center text-sm text-muted-foreground">
        New to Taskline? <AuthLink href="/sign-up">Create an account</AuthLink>
      </p>
    </AuthForm>
  );
}
