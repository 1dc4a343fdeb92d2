"use client";

import Link from "next/link";
import { authClient } from "@/lib/auth-client";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/password-rules";
import { AuthField } from "../_components/auth-field";
import { FormAlert } from "../_components/form-alert";
import { SubmitButton } from "../_components/submit-button";
import { useAuthSubmit } from "../_components/use-auth-submit";

const ERROR_ID = "sign-up-error";

/** Better Auth wants a display name; without one, use the part of the email before the @. */
function nameFrom(name: string, email: string): string {
  return name || email.split("@")[0] || email;
}

export function SignUpForm() {
  const { error, pending, handleSubmit } = useAuthSubmit({
    checkLength: true,
    send: ({ email, password, form }) =>
      authClient.signUp.email({
        email,
        password,
        name: nameFrom(String(form.get("name") ?? "").trim(), email),
      }),
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
