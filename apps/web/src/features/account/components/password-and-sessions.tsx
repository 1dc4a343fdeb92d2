"use client";

import { useState } from "react";
import { AccountSection } from "./account-section";
import { PasswordForm } from "./password-form";
import { SessionsList } from "./sessions-list";

/** The password and the sessions: a new password may sign the other sessions out. */
export function PasswordAndSessions() {
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <>
      <AccountSection id="password" title="Password">
        <PasswordForm onOthersSignedOut={() => setReloadKey((key) => key + 1)} />
      </AccountSection>
      <AccountSection
        id="sessions"
        title="Where you are signed in"
        description="Each browser or device signed in to your account, with its address as the server saw it."
      >
        <SessionsList reloadKey={reloadKey} />
      </AccountSection>
    </>
  );
}
