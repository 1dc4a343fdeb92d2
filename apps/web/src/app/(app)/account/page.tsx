import type { Metadata } from "next";
import { AccountSection } from "@/features/account/components/account-section";
import { DeleteAccount } from "@/features/account/components/delete-account";
import { ExportButtons } from "@/features/account/components/export-buttons";
import { ImportTasks } from "@/features/account/components/import-tasks";
import { PasskeysList } from "@/features/account/components/passkeys-list";
import { PasswordAndSessions } from "@/features/account/components/password-and-sessions";
import { ProfileForm } from "@/features/account/components/profile-form";
import { TwoFactorSettings } from "@/features/account/components/two-factor-settings";
import { RemindersToggle } from "@/features/reminders/components/reminders-toggle";
import { getEnv } from "@/lib/env";
import { mailDelivery } from "@/lib/mail/send-mail";
import { requireSession } from "@/lib/session";
import { AppHeader } from "../_components/app-header";

export const metadata: Metadata = { title: "Account" };

/** The account: who you are, how you sign in, your data, and leaving. */
export default async function AccountPage() {
  const { user } = await requireSession();
  return (
    <>
      <AppHeader email={user.email} />
      <main className="mx-auto w-full max-w-5xl px-4 py-6 sm:py-10">
        <div className="mx-auto max-w-2xl space-y-6">
          <h1 className="text-2xl font-semibold tracking-tight">Account</h1>
          <AccountSection id="profile" title="Profile">
            <ProfileForm
              name={user.name}
              email={user.email}
              canChangeEmail={mailDelivery(getEnv()) !== "none"}
            />
          </AccountSection>
          <PasswordAndSessions />
          <AccountSection
            id="two-factor"
            title="Two-factor sign-in"
            description="After your password, signing in also asks for a code from an authenticator app."
          >
            <TwoFactorSettings
              enabled={"twoFactorEnabled" in user && user.twoFactorEnabled === true}
            />
          </AccountSection>
          <AccountSection
            id="passkeys"
            title="Passkeys"
            description="Sign in with your device's fingerprint, face or PIN instead of a password."
          >
            <PasskeysList />
          </AccountSection>
          <AccountSection
            id="reminders"
            title="Reminders"
            description="Get a notification when a task's reminder goes off, even with Taskline closed. Turn it on in each browser you use."
          >
            <RemindersToggle />
          </AccountSection>
          <AccountSection
            id="export"
            title="Your data"
            description="Every task (completed ones too) and label, as JSON or as CSV for a spreadsheet."
          >
            <ExportButtons />
          </AccountSection>
          <AccountSection
            id="import"
            title="Import"
            description="Add tasks from a Taskline JSON export or a Todoist CSV export. You see what will be added before anything is."
          >
            <ImportTasks />
          </AccountSection>
          <AccountSection id="danger" title="Danger zone" danger>
            <DeleteAccount />
          </AccountSection>
        </div>
      </main>
    </>
  );
}
