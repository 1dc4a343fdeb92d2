"use client";

import { useState } from "react";
import type { AuthClientError } from "@/app/(auth)/_components/auth-error-message";
import { accountErrorMessage } from "./account-error";

type Result<T> = { data?: T | null; error?: AuthClientError | null } | null;

/**
 * One account action at a time: pending while it runs (no double submit), its failure in words,
 * its success as a notice. `run` resolves to the data on success, else undefined.
 */
export function useAccountAction() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function run<T>(
    action: () => Promise<Result<T>>,
    success?: string,
  ): Promise<T | undefined> {
    if (pending) return undefined;
    setPending(true);
    setError(null);
    setNotice(null);
    const result = await action().catch(() => null);
    setPending(false);
    if (!result || result.error || result.data === undefined || result.data === null) {
      setError(accountErrorMessage(result?.error));
      return undefined;
    }
    if (success) setNotice(success);
    return result.data;
  }

  return { pending, error, notice, run, fail: setError, clear: () => setError(null) };
}
