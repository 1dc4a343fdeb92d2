"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { authClient } from "@/lib/auth-client";
import { authErrorMessage, validateCredentials } from "../_components/auth-error-message";
import { AuthField } from "../_components/auth-field";
import { FormAlert } from "../_components/form-alert";
import { SubmitButton } from "../_components/submit-button";

const ERROR_ID = "sign-in-error";

export function SignInForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const invalid = validateCredentials({ email, password }, { checkLength: false });
    if (invalid) {
      setError(invalid);
      return;
    }
    setError(null);
    setPending(true);
    const result = await authClient.signIn.email({ email, password }).catch(() => null);
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
      <h1 className="text-xl font-semibold tracking-tight">Sign in</h1>
      <FormAlert id={ERROR_ID} message={error} />
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
        autoComplete="current-password"
        required
        aria-invalid={error ? true : undefined}
      />
      <SubmitButton pending={pending}>Sign in</SubmitButton>
      <p className="text-center text-sm text-muted-foreground">
        New to Taskline?{" "}
        <Link
          href="/sign-up"
          className="font-medium text-primary underline-offset-4 hover:underline"
        >
          Create an account
        </Link>
      </p>
    </form>
  );
}
