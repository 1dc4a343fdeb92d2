import type { Metadata } from "next";
import { getAuth } from "@/lib/auth";
import { findResetAccount } from "@/lib/reset-token";
import { ExpiredResetLink } from "./expired-reset-link";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

/** A mailed reset link, `/reset-password?token=…`: checked before anyone types a password. */
export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : "";
  const account = await findResetAccount(await getAuth(), value);
  if (!account) return <ExpiredResetLink />;
  return <ResetPasswordForm token={value} email={account.email} />;
}
