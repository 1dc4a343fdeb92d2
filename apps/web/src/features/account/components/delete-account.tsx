"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { apiToken } from "@/lib/api-token";
import { authClient } from "@/lib/auth-client";
import { useAccountAction } from "../use-account-action";
import { PasswordConfirm } from "./password-confirm";

/**
 * Deletes the account for good, after the password: the server has the API delete every task
 * first and removes the account only after that succeeded (lib/account-deletion.ts). Then the
 * browser loads the sign-in page afresh, keeping nothing of this user in memory.
 */
export function DeleteAccount() {
  const [asking, setAsking] = useState(false);
  const action = useAccountAction();

  async function remove(password: string) {
    const done = await action.run(() => authClient.deleteUser({ password }));
    if (!done) return;
    apiToken.clear();
    window.location.assign("/sign-in?notice=account-deleted");
  }

  if (!asking) {
    return (
      <Button variant="destructive" onClick={() => setAsking(true)}>
        Delete my account
      </Button>
    );
  }
  return (
    <div className="space-y-3">
      <p className="text-sm font-medium">
        This deletes your account, every task and label, your passkeys and sessions. It cannot be
        undone.
      </p>
      <PasswordConfirm
        id="delete-account"
        submitLabel="Delete my account for good"
        destructive
        pending={action.pending}
        error={action.error}
        onConfirm={(password) => void remove(password)}
        onInvalid={action.fail}
        onCancel={() => {
          action.clear();
          setAsking(false);
        }}
      />
    </div>
  );
}
