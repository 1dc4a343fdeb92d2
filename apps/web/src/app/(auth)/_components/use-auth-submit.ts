"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import {
  type AuthClientError,
  authErrorMessage,
  type CredentialErrors,
  validateCredentials,
} from "./auth-error-message";

export interface Credentials {
  email: string;
  password: string;
  /** The whole form, for fields beyond the credentials (sign-up's name). */
  form: FormData;
}

/**
 * What sign-in and sign-up share: read and check the credentials, send them once (no double
 * submit), show the error in words, and go to the tasks on success. `send` calls Better Auth.
 */
export function useAuthSubmit(options: {
  /** Check the password's length (sign-up); sign-in leaves that to the server. */
  checkLength: boolean;
  send(
    credentials: Credentials,
  ): Promise<{ data?: unknown; error?: AuthClientError | null } | null>;
  /**
   * After a success: true when the form shows what comes next itself (sign-up waiting for the
   * address to be confirmed), false to go to the tasks.
   */
  handled?(data: unknown, credentials: Credentials): boolean;
}) {
  const router = useRouter();
  // The server's answer, about the form as a whole.
  const [error, setError] = useState<string | null>(null);
  // The checks before sending, each shown next to its own field.
  const [fieldErrors, setFieldErrors] = useState<CredentialErrors>({});
  // Better Auth's code for the last failure, for forms that offer a way out (send the link again).
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const [submittedEmail, setSubmittedEmail] = useState("");
  const [pending, setPending] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const invalid = validateCredentials({ email, password }, { checkLength: options.checkLength });
    setFieldErrors(invalid);
    setError(null);
    if (invalid.email || invalid.password) return;
    setErrorCode(null);
    setSubmittedEmail(email);
    setPending(true);
    const credentials = { email, password, form };
    const result = await options.send(credentials).catch(() => null);
    if (!result || result.error) {
      setError(authErrorMessage(result?.error ?? { status: 0 }));
      setErrorCode(result?.error?.code ?? null);
      setPending(false);
      return;
    }
    if (options.handled?.(result.data, credentials)) {
      setPending(false);
      return;
    }
    router.replace("/tasks");
    router.refresh();
  }

  return { error, fieldErrors, errorCode, submittedEmail, pending, handleSubmit };
}
