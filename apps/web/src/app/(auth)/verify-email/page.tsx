import type { Metadata } from "next";
import { getServerSession } from "@/lib/session";
import { AuthMessage } from "../_components/auth-form";
import { AuthLink } from "../_components/auth-link";
import { ResendConfirmationForm } from "./resend-confirmation-form";

export const metadata: Metadata = { title: "Email address" };

/**
 * Where a confirmation link leads once Better Auth has checked it: `?error=…` when it was
 * expired, used or made up; otherwise the address is confirmed (and, for a new account, the
 * browser signed in).
 */
export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { error } = await searchParams;
  if (error) {
    return (
      <AuthMessage title="This link no longer works">
        <p role="alert" className="text-sm">
          This link has expired or was already used. A confirmation link works once, within an hour.
        </p>
        <ResendConfirmationForm />{" "}
      </AuthMessage>
    );
  }
  const signedIn = (await getServerSession()) !== null;
  return (
    <AuthMessage title="Email address confirmed">
      <p role="status" className="text-sm">
        Thank you: your email address is confirmed.
      </p>
      <p className="text-sm">
        {signedIn ? (
          <AuthLink href="/tasks">Continue to your tasks</AuthLink>
        ) : (
          <AuthLink href="/sign-in">Sign in</AuthLink>
        )}
      </p>{" "}
    </AuthMessage>
  );
}
