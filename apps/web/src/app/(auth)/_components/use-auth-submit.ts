"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { type AuthClientError, authErrorMessage, validateCredentials } from "./auth-error-message";

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
  send(credentials: Credentials): Promise<{ error?: AuthClientError | null } | null>;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const invalid = validateCredentials({ email, password }, { checkLength: options.checkLength });
    if (invalid) {
      setError(invalid);
      return;
    }
    setError(null);
    setPending(true);
    const result = await options.send({ email, password, form }).catch(() => null);
    if (!result || result.error) {
      setError(authErrorMessage(result?.error ?? { status: 0 }));
      setPending(false);
      return;
    }
    router.replace("/tasks");
    router.refresh();
  }

  return { error, pending, handleSubmit };
}
