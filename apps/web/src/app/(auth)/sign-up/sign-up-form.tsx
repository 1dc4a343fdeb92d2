"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { authClient } from "@/lib/auth-client";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/password-rules";
import { authErrorMessage, validateCredentials } from "../_components/auth-error-message";
import { AuthField } from "../_components/auth-field";
import { FormAlert } from "../_components/form-alert";
import { SubmitButton } from "../_components/submit-button";

const ERROR_ID = "sign-up-error";

/** Better Auth wants a display name; without one, use the part of the email before the @. */
function nameFrom(name: string, email: string): string {
  return name || email.split("@")[0] || email;
}

export function SignUpForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const name = nameFrom(String(form.get("name") ?? "").trim(), email);
    const invalid = validateCredentials({ email, password }, { checkLength: true });
    if (invalid) {
      setError(invalid);
      return;
    }
    setError(null);
    setPending(true);
    const result = await authClient.signUp.email({ email, password, name }).catch(() => null);
    if (!result || result.error) {
      setError(authErrorMessage(result?.error ?? { status: 0 }));
      setPending(false);
      return;
    }
    router.replace("/tasks");
    router.refresh();
  }

  return (
    // method="post": a submit before hydration must never put the password in the URL.
    <form
      method="post"
      noValidate
      onSubmit={handleSubmit}
      className="space-y-5"
      aria-describedby={ERROR_ID}
    >
      <h1 className="text-xl font-semibold tracking-tight">Create your account</h1>
      <FormAlert id={ERROR_ID} message={error} />
      <AuthField
        label="Name"
        name="name"
        type="text"
        autoComplete="name"
        hint="Optional."
        maxLength={100}
      />
      <AuthField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        aria-invalid={error ? true : undefined}
      />
      <AuthField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        maxLength={PASSWORD_MAX_LENGTH}
        hint={`${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters.`}
        aria-invalid={error ? true : undefined}
      />
      <SubmitButton pending={pending}>Create account</SubmitButton>
      <p className="text-center text-sm text-muted-foreground">
        Already have an account?{" "}
        <Link
          href="/sign-in"
          className="font-medium text-primary underline-offset-4 hover:underline"
        >
          Sign in
        </Link>
      </p>
    </form>
  );
}
