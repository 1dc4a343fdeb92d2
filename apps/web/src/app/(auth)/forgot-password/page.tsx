import type { Metadata } from "next";
import { getEnv } from "@/lib/env";
import { mailDelivery } from "@/lib/mail/send-mail";
import { AuthMessage } from "../_components/auth-form";
import { AuthLink } from "../_components/auth-link";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

export default async function ForgotPasswordPage() {
  if (mailDelivery(getEnv()) === "none") {
    return (
      <AuthMessage title="Forgot your password?">
        <p className="text-sm">
          This Taskline server cannot send mail, so it cannot send a link to reset a password.
          Please ask whoever runs it.
        </p>
        <p className="text-sm">
          <AuthLink href="/sign-in">Back to sign in</AuthLink>
        </p>{" "}
      </AuthMessage>
    );
  }
  return <ForgotPasswordForm />;
}
