"use client";

import { type FormEvent, type ReactNode, useEffect, useRef } from "react";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/password-rules";
import { AuthField } from "./auth-field";
import { PasswordField } from "./password-field";

/** The auth pages' form: titled, checked by the page itself, its error described by `errorId`. */
export function AuthForm({
  title,
  errorId,
  onSubmit,
  children,
}: {
  title: string;
  errorId: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  return (
    // method="post": a submit before hydration must never put the password in the URL.
    <form
      method="post"
      noValidate
      onSubmit={onSubmit}
      className="space-y-5"
      aria-describedby={errorId}
    >
      <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
      {children}
    </form>
  );
}

/** A titled message instead of a form (a link that no longer works, a confirmed address). */
export function AuthMessage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
      {children}
    </div>
  );
}

/**
 * `passkeys`: the browser may offer the site's passkeys in this field's autofill.
 * `error`: this field's own message; `invalid`: marked by a form-level error that may concern it.
 * `focusOnLoad`: the page's first field, where typing starts.
 */
export function EmailField({
  invalid = false,
  error,
  passkeys = false,
  focusOnLoad = false,
}: {
  invalid?: boolean;
  error?: string | null | undefined;
  passkeys?: boolean;
  focusOnLoad?: boolean;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusOnLoad) ref.current?.focus();
  }, [focusOnLoad]);
  return (
    <AuthField
      ref={ref}
      label="Email"
      name="email"
      type="email"
      autoComplete={passkeys ? "email webauthn" : "email"}
      required
      error={error}
      aria-invalid={invalid ? true : undefined}
    />
  );
}

/** A password being chosen, with the sign-up rules as its hint. */
export function NewPasswordField({
  label,
  invalid = false,
  error,
}: {
  label: string;
  invalid?: boolean;
  error?: string | null | undefined;
}) {
  return (
    <PasswordField
      label={label}
      name="password"
      autoComplete="new-password"
      required
      minLength={PASSWORD_MIN_LENGTH}
      maxLength={PASSWORD_MAX_LENGTH}
      hint={`${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters.`}
      error={error}
      aria-invalid={invalid ? true : undefined}
    />
  );
}
