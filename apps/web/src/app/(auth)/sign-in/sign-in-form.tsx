"use client";

import Link from "next/link";
import { authClient } from "@/lib/auth-client";
import { AuthField } from "../_components/auth-field";
import { FormAlert } from "../_components/form-alert";
import { SubmitButton } from "../_components/submit-button";
import { useAuthSubmit } from "../_components/use-auth-submit";

const ERROR_ID = "sign-in-error";

export function SignInForm() {
  const { error, pending, handleSubmit } = useAuthSubmit({
    checkLength: false,
    send: ({ email, password }) => authClient.signIn.email({ email, password }),
  });

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
