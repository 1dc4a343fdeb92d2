"use client";

import { type FormEvent, useState } from "react";
import { validateNewPassword } from "@/app/(auth)/_components/auth-error-message";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { authClient } from "@/lib/auth-client";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/password-rules";
import { accountMessages } from "../account-error";
import { useAccountAction } from "../use-account-action";
import { AccountField, ActionError, ActionNotice } from "./account-section";

/** A new password, with the current one; optionally signing out every other session. */
export function PasswordForm({ onOthersSignedOut }: { onOthersSignedOut?: () => void }) {
  const action = useAccountAction();
  const [signOutOthers, setSignOutOthers] = useState(true);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const currentPassword = String(form.get("current-password") ?? "");
    const newPassword = String(form.get("new-password") ?? "");
    if (!currentPassword) return action.fail(accountMessages.passwordRequired);
    const invalid = validateNewPassword(newPassword, String(form.get("repeat-password") ?? ""));
    if (invalid) return action.fail(invalid);
    const done = await action.run(
      () =>
        authClient.changePassword({
          currentPassword,
          newPassword,
          revokeOtherSessions: signOutOthers,
        }),
      signOutOthers ? "Password changed. Your other sessions are signed out." : "Password changed.",
    );
    if (!done) return;
    formElement.reset();
    if (signOutOthers) onOthersSignedOut?.();
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label="Change password">
      <AccountField
        label="Current password"
        id="current-password"
        name="current-password"
        type="password"
        autoComplete="current-password"
        required
      />
      <AccountField
        label="New password"
        id="new-password"
        name="new-password"
        type="password"
        autoComplete="new-password"
        minLength={PASSWORD_MIN_LENGTH}
        maxLength={PASSWORD_MAX_LENGTH}
        required
      />
      <AccountField
        label="New password again"
        id="repeat-password"
        name="repeat-password"
        type="password"
        autoComplete="new-password"
        required
      />
      <div className="flex items-center gap-2">
        <Checkbox
          id="sign-out-others"
          checked={signOutOthers}
          onCheckedChange={(checked) => setSignOutOthers(checked === true)}
        />
        <Label htmlFor="sign-out-others">Sign out my other sessions</Label>
      </div>
      <ActionError message={action.error} />
      <ActionNotice message={action.notice} />
      <Button type="submit" variant="outline" disabled={action.pending}>
        Change password
      </Button>
    </form>
  );
}
