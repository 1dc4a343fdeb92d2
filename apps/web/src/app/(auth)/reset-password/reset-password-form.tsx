"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { authClient } from "@/lib/auth-client";
import { authErrorMessage, validateNewPassword } from "../_components/auth-error-message";
import { AuthField } from "../_components/auth-field";
import { AuthForm, NewPasswordField } from "../_components/auth-form";
import { FormAlert } from "../_components/form-alert";
import { SubmitButton } from "../_components/submit-button";
import { ExpiredResetLink } from "./expired-reset-link";

const ERROR_ID = "reset-password-error";

/**
 * The new password, typed twice, under the sign-up rules. Once it is set (which signs the
 * account's other sessions out), the user is signed in with it; should that fail, sign-in says
 * the password has changed.
 */
export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [expired, setExpired] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    const invalid = validateNewPassword(password, String(form.get("repeat") ?? ""));
    setError(invalid);
    if (invalid) return;
    setPending(true);
    const reset = await authClient
      .resetPassword({ newPassword: password, token })
      .catch(() => null);
    if (!reset || reset.error) {
      if (reset?.error?.code === "INVALID_TOKEN") setExpired(true);
      setError(authErrorMessage(reset?.error ?? { status: 0 }));
      setPending(false);
      return;
    }
    const signedIn = await authClient.signIn.email({ email, password }).catch(() => null);
    router.replace(signedIn && !signedIn.error ? "/tasks" : "/sign-in?notice=password-changed");
    router.refresh();
  }

  if (expired) return <ExpiredResetLink />;
  return (
    <AuthForm title="Choose a new password" errorId={ERROR_ID} onSubmit={handleSubmit}>
      <p className="text-sm text-muted-foreground">
        For <span className="font-medium text-foreground">{email}</span>. Other devices signed in to
        this account will be signed out.
      </p>
      {/* For password managers: whose password this is. */}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <FormAlert id={ERROR_ID} message={error} />
      <NewPasswordField label="New password" invalid={error !== null} />
      <AuthField
        label="Repeat the new password"
        name="repeat"
        type="password"
        autoComplete="new-password"
        required
        aria-invalid={error ? true : undefined}
      />
      <SubmitButton pending={pending}>Set the new password</SubmitButton>
    </AuthForm>
  );
}
