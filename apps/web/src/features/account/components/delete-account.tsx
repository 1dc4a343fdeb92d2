"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { apiToken } from "@/lib/api-token";
import { authClient } from "@/lib/auth-client";
import { useAccountAction } from "../use-account-action";
import { PasswordConfirm } from "./password-confirm";

/** Whether the user has a passkey to confirm with (looked up once the question is asked). */
function useHasPasskey(asking: boolean): boolean {
  const [has, setHas] = useState(false);
  useEffect(() => {
    if (!asking) return;
    let live = true;
    authClient.passkey
      .listUserPasskeys()
      .then((result) => live && setHas((result.data?.length ?? 0) > 0))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [asking]);
  return has;
}

/**
 * Deletes the account for good, after the password or a passkey (a passkey sign-in just before,
 * which the server accepts for two minutes in place of the password): the server has the API
 * delete every task first and removes the account only after that succeeded
 * (lib/account-deletion.ts). Then the browser loads the sign-in page afresh, keeping nothing of
 * this user in memory.
 */
export function DeleteAccount() {
  const [asking, setAsking] = useState(false);
  const action = useAccountAction();
  const hasPasskey = useHasPasskey(asking);

  async function remove(password?: string) {
    const done = await action.run(() => authClient.deleteUser(password ? { password } : {}));
    if (!done) return;
    apiToken.clear();
    window.location.assign("/sign-in?notice=account-deleted");
  }

  async function removeWithPasskey() {
    const before = (await authClient.getSession()).data?.user.id;
    const signedIn = await action.run(() => authClient.signIn.passkey());
    if (!signedIn) return;
    if (signedIn.user.id !== before) {
      // Only the account's own passkeys are offered; another account's would have signed it in.
      window.location.assign("/account");
      return;
    }
    await remove();
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
      {hasPasskey ? (
        <Button
          variant="destructive"
          disabled={action.pending}
          onClick={() => void removeWithPasskey()}
        >
          Confirm with a passkey and delete
        </Button>
      ) : null}
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
