"use client";

import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { accountMessages } from "../account-error";
import { AccountField, ActionError } from "./account-section";

/** Asks for the password again before a sensitive change. */
export function PasswordConfirm({
  id,
  submitLabel,
  pending,
  error,
  onConfirm,
  onCancel,
  onInvalid,
  destructive = false,
}: {
  id: string;
  submitLabel: string;
  pending: boolean;
  error: string | null;
  onConfirm: (password: string) => void;
  onCancel?: () => void;
  onInvalid: (message: string) => void;
  destructive?: boolean;
}) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    if (!password) return onInvalid(accountMessages.passwordRequired);
    onConfirm(password);
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label={submitLabel}>
      <AccountField
        label="Your password"
        id={`${id}-password`}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <ActionError id={`${id}-error`} message={error} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant={destructive ? "destructive" : "default"} disabled={pending}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
