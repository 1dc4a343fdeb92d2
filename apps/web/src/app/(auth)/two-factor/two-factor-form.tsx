"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { accountErrorMessage, accountMessages } from "@/features/account/account-error";
import { authClient } from "@/lib/auth-client";
import { AuthField } from "../_components/auth-field";
import { AuthForm } from "../_components/auth-form";
import { AuthLink } from "../_components/auth-link";
import { FormAlert } from "../_components/form-alert";
import { SubmitButton } from "../_components/submit-button";

const ERROR_ID = "two-factor-error";

/** The code from the authenticator app, or one of the backup codes, to finish signing in. */
export function TwoFactorForm() {
  const router = useRouter();
  const [backup, setBackup] = useState(false);
  const [trust, setTrust] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const code = String(new FormData(event.currentTarget).get("code") ?? "").trim();
    if (!code) return setError(accountMessages.codeRequired);
    setPending(true);
    setError(null);
    const body = { code: backup ? code : code.replace(/\s/g, ""), trustDevice: trust };
    const result = await (backup
      ? authClient.twoFactor.verifyBackupCode(body)
      : authClient.twoFactor.verifyTotp(body)
    ).catch(() => null);
    if (result?.data) {
      router.replace("/tasks");
      router.refresh();
      return;
    }
    setError(accountErrorMessage(result?.error));
    setPending(false);
  }

  return (
    <AuthForm title="Two-factor sign-in" errorId={ERROR_ID} onSubmit={submit}>
      <p className="text-sm text-muted-foreground">
        {backup
          ? "Enter one of your backup codes. Each works once."
          : "Enter the 6-digit code your authenticator app shows for Taskline."}
      </p>
      <FormAlert id={ERROR_ID} message={error} />
      <AuthField
        key={backup ? "backup" : "totp"}
        label={backup ? "Backup code" : "Code"}
        name="code"
        autoComplete="one-time-code"
        inputMode={backup ? "text" : "numeric"}
        maxLength={backup ? 20 : 8}
        autoFocus
        required
        aria-invalid={error ? true : undefined}
      />
      <div className="flex items-center gap-2">
        <Checkbox
          id="trust-device"
          checked={trust}
          onCheckedChange={(checked) => setTrust(checked === true)}
        />
        <Label htmlFor="trust-device">Trust this device for 30 days</Label>
      </div>
      <SubmitButton pending={pending}>Verify</SubmitButton>
      <p className="flex flex-wrap justify-between gap-2 text-sm">
        <button
          type="button"
          className="rounded-sm text-primary underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
          onClick={() => {
            setBackup(!backup);
            setError(null);
          }}
        >
          {backup ? "Use a code from your app" : "Use a backup code"}
        </button>
        <AuthLink href="/sign-in">Start again</AuthLink>
      </p>
    </AuthForm>
  );
}
