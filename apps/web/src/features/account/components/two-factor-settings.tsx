"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { authClient } from "@/lib/auth-client";
import { accountMessages } from "../account-error";
import { useAccountAction } from "../use-account-action";
import { AccountField, ActionError, ActionNotice } from "./account-section";
import { BackupCodes } from "./backup-codes";
import { PasswordConfirm } from "./password-confirm";
import { QrCode } from "./qr-code";

type Step =
  | { name: "idle" }
  | { name: "password"; purpose: "enable" | "disable" | "codes" }
  | { name: "scan"; totpURI: string; backupCodes: string[] }
  | { name: "codes"; backupCodes: string[] };

const SUBMIT = { enable: "Continue", disable: "Turn off", codes: "Make new codes" } as const;

/** The secret of an otpauth:// URI, in groups of four for typing into an app. */
const secretOf = (uri: string) =>
  (new URL(uri).searchParams.get("secret") ?? "").replace(/(.{4})(?=.)/g, "$1 ");

/** Two-factor sign-in with an authenticator app: turn it on, make new backup codes, turn it off. */
export function TwoFactorSettings({ enabled: initiallyEnabled }: { enabled: boolean }) {
  const router = useRouter();
  const [enabled, setEnabled] = useState(initiallyEnabled);
  const [step, setStep] = useState<Step>({ name: "idle" });
  const action = useAccountAction();

  async function confirmPassword(purpose: "enable" | "disable" | "codes", password: string) {
    if (purpose === "enable") {
      const data = await action.run(() => authClient.twoFactor.enable({ password }));
      if (data && "totpURI" in data && data.totpURI) {
        setStep({ name: "scan", totpURI: data.totpURI, backupCodes: data.backupCodes ?? [] });
      }
    } else if (purpose === "codes") {
      const data = await action.run(() => authClient.twoFactor.generateBackupCodes({ password }));
      if (data) setStep({ name: "codes", backupCodes: data.backupCodes });
    } else {
      const data = await action.run(
        () => authClient.twoFactor.disable({ password }),
        "Two-factor sign-in is off.",
      );
      if (data) {
        setEnabled(false);
        setStep({ name: "idle" });
        router.refresh();
      }
    }
  }

  async function verify(event: FormEvent<HTMLFormElement>, backupCodes: string[]) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").replace(/\s/g, "");
    if (!code) return action.fail(accountMessages.codeRequired);
    const data = await action.run(() => authClient.twoFactor.verifyTotp({ code }));
    if (!data) return;
    setEnabled(true);
    setStep({ name: "codes", backupCodes });
  }

  if (step.name === "password") {
    return (
      <PasswordConfirm
        id="two-factor"
        submitLabel={SUBMIT[step.purpose]}
        pending={action.pending}
        error={action.error}
        destructive={step.purpose === "disable"}
        onConfirm={(password) => void confirmPassword(step.purpose, password)}
        onInvalid={action.fail}
        onCancel={() => {
          action.clear();
          setStep({ name: "idle" });
        }}
      />
    );
  }
  if (step.name === "scan") {
    return (
      <form onSubmit={(e) => void verify(e, step.backupCodes)} noValidate className="space-y-4">
        <p className="text-sm">
          Scan this code with your authenticator app, or type the key below into it. Then enter the
          6-digit code it shows.
        </p>
        <QrCode value={step.totpURI} label="QR code for your authenticator app" />
        <p className="text-sm">
          Key:{" "}
          <code className="select-all rounded bg-muted px-1.5 py-0.5">
            {secretOf(step.totpURI)}
          </code>
        </p>
        <AccountField
          label="Code from your app"
          id="two-factor-code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={8}
          required
        />
        <ActionError message={action.error} />
        <Button type="submit" disabled={action.pending}>
          Turn on two-factor
        </Button>
      </form>
    );
  }
  if (step.name === "codes") {
    return (
      <BackupCodes
        codes={step.backupCodes}
        onDone={() => {
          setStep({ name: "idle" });
          router.refresh();
        }}
      />
    );
  }
  const ask = (purpose: "enable" | "disable" | "codes") => {
    action.clear();
    setStep({ name: "password", purpose });
  };
  return (
    <div className="space-y-3">
      <p className="text-sm">
        {enabled
          ? "Two-factor sign-in is on: signing in asks for a code from your authenticator app."
          : "Two-factor sign-in is off."}
      </p>
      <ActionNotice message={action.notice} />
      <div className="flex flex-wrap gap-2">
        {enabled ? (
          <>
            <Button variant="outline" onClick={() => ask("codes")}>
              New backup codes
            </Button>
            <Button variant="outline" onClick={() => ask("disable")}>
              Turn off two-factor
            </Button>
          </>
        ) : (
          <Button onClick={() => ask("enable")}>Turn on two-factor</Button>
        )}
      </div>
    </div>
  );
}
