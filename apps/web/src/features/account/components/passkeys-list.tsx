"use client";

import { type FormEvent, useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { authClient } from "@/lib/auth-client";
import { useAccountAction } from "../use-account-action";
import { AccountField, ActionError, ActionNotice } from "./account-section";

type PasskeyRow = { id: string; name?: string | null; createdAt?: Date | string | null };

const day = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** The account's passkeys: add one (named), see them, delete any. */
export function PasskeysList() {
  const [passkeys, setPasskeys] = useState<PasskeyRow[] | null>(null);
  const [name, setName] = useState("");
  const action = useAccountAction();

  const load = useCallback(async () => {
    const result = await authClient.passkey.listUserPasskeys().catch(() => null);
    setPasskeys((result?.data as PasskeyRow[] | null | undefined) ?? []);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const label = name.trim();
    if (!label) return action.fail("Name the passkey, e.g. after the device that holds it.");
    const added = await action.run(
      () => authClient.passkey.addPasskey({ name: label }),
      `Passkey “${label}” added.`,
    );
    if (!added) return;
    setName("");
    await load();
  }

  async function remove(passkey: PasskeyRow) {
    const done = await action.run(
      () => authClient.passkey.deletePasskey({ id: passkey.id }),
      `Passkey “${passkey.name ?? "Unnamed"}” deleted.`,
    );
    if (done) await load();
  }

  return (
    <div className="space-y-4">
      {passkeys === null ? (
        <p className="text-sm text-muted-foreground">Loading your passkeys…</p>
      ) : passkeys.length === 0 ? (
        <p className="text-sm text-muted-foreground">No passkeys yet.</p>
      ) : (
        <ul className="divide-y rounded-md border" aria-label="Passkeys">
          {passkeys.map((passkey) => (
            <li key={passkey.id} className="flex items-center justify-between gap-3 p-3">
              <div className="min-w-0">
                <p className="truncate text-sm font-medium">{passkey.name ?? "Unnamed"}</p>
                {passkey.createdAt ? (
                  <p className="text-xs text-muted-foreground">
                    Added {day.format(new Date(passkey.createdAt))}
                  </p>
                ) : null}
              </div>
              <Button
                variant="outline"
                size="sm"
                disabled={action.pending}
                onClick={() => void remove(passkey)}
                aria-label={`Delete passkey ${passkey.name ?? "Unnamed"}`}
              >
                Delete
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} noValidate className="space-y-3" aria-label="Add a passkey">
        <AccountField
          label="Passkey name"
          id="passkey-name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="e.g. Work laptop"
          maxLength={60}
        />
        <ActionError message={action.error} />
        <ActionNotice message={action.notice} />
        <Button type="submit" variant="outline" disabled={action.pending}>
          Add a passkey
        </Button>
      </form>
    </div>
  );
}
