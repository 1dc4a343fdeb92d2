import type { Metadata } from "next";
import { getEnv } from "@/lib/env";
import { mailDelivery } from "@/lib/mail/send-mail";
import { redirectSignedIn } from "../_components/redirect-signed-in";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await redirectSignedIn();
  const { notice } = await searchParams;
  return (
    <SignInForm
      // Without a way to send mail (production without SMTP_URL) there is no reset link.
      canResetPassword={mailDelivery(getEnv()) !== "none"}
      notice={notice === "password-changed" || notice === "account-deleted" ? notice : undefined}
    />
  );
}
