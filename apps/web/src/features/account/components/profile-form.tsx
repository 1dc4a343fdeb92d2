"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { validateEmail } from "@/app/(auth)/_components/auth-error-message";
import { Button } from "@/components/ui/button";
import { authClient } from "@/lib/auth-client";
import { useAccountAction } from "../use-account-action";
import { AccountField, ActionError, ActionNotice } from "./account-section";

/** The name, changed at once; the email, changed once the new address confirms a mailed link. */
export function ProfileForm({
  name,
  email,
  canChangeEmail,
}: {
  name: string;
  email: string;
  /** Mail can be sent (the change of address needs a confirmation link). */
  canChangeEmail: boolean;
}) {
  const router = useRouter();
  const nameAction = useAccountAction();
  const emailAction = useAccountAction();
  const [newEmail, setNewEmail] = useState("");

  async function saveName(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    if (!value) return nameAction.fail("Enter a name.");
    const done = await nameAction.run(() => authClient.updateUser({ name: value }), "Name saved.");
    if (done) router.refresh();
  }

  async function changeEmail(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = newEmail.trim();
    const invalid = validateEmail(value);
    if (invalid) return emailAction.fail(invalid);
    if (value.toLowerCase() === email.toLowerCase()) {
      return emailAction.fail("That is already your address.");
    }
    const sent = await emailAction.run(
      () => authClient.changeEmail({ newEmail: value, callbackURL: "/account" }),
      `We sent a link to ${value}. Your address changes once you open it.`,
    );
    if (sent) setNewEmail("");
  }

  return (
    <div className="space-y-6">
      <form onSubmit={saveName} noValidate className="space-y-3" aria-label="Name">
        <AccountField
          label="Name"
          id="account-name"
          name="name"
          autoComplete="name"
          defaultValue={name}
          maxLength={100}
          required
        />
        <ActionError message={nameAction.error} />
        <ActionNotice message={nameAction.notice} />
        <Button type="submit" variant="outline" disabled={nameAction.pending}>
          Save name
        </Button>
      </form>
      <form onSubmit={changeEmail} noValidate className="space-y-3" aria-label="Email address">
        <p className="text-sm">
          Email: <span className="font-medium">{email}</span>
        </p>
        {canChangeEmail ? (
          <>
            <AccountField
              label="New email address"
              id="account-new-email"
              type="email"
              autoComplete="email"
              value={newEmail}
              onChange={(event) => setNewEmail(event.target.value)}
              required
            />
            <ActionError message={emailAction.error} />
            <ActionNotice message={emailAction.notice} />
            <Button type="submit" variant="outline" disabled={emailAction.pending}>
              Change email
            </Button>
          </>
        ) : (
          <p className="text-sm text-muted-foreground">
            Changing the address needs mail, which this server does not send.
          </p>
        )}
      </form>
    </div>
  );
}
