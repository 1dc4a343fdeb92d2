import type { BetterAuthOptions } from "better-auth";
import { decodeJwt } from "jose";
import type { Env } from "../env";
import {
  changeEmailMail,
  existingAccountMail,
  type MailMessage,
  resetPasswordMail,
  verifyEmailMail,
} from "./compose-mail";
import type { SendMail } from "./send-mail";

/** How long reset and confirmation links work. */
export const MAIL_LINK_SECONDS = 60 * 60;

/** Where Better Auth sends the browser after a confirmation link, with `?error=…` on failure. */
export const VERIFY_EMAIL_PAGE = "/verify-email";

/**
 * A mail is sent in the background (see `advanced.backgroundTasks` in auth.ts) and a failure is
 * only logged, so answers never depend on whether an address has an account. The log names the
 * kind of mail and the transport's error, never the link or the mail's text.
 */
async function deliver(sendMail: SendMail, kind: string, message: MailMessage): Promise<void> {
  try {
    await sendMail(message);
  } catch (error) {
    const reason = error instanceof Error ? error.message : "unknown error";
    console.error(`Taskline web could not send the ${kind} mail: ${reason}`);
  }
}

/** Better Auth's link, sent to our result page whatever callback the request named. */
function confirmationLink(url: string): string {
  const link = new URL(url);
  link.searchParams.set("callbackURL", VERIFY_EMAIL_PAGE);
  return link.toString();
}

/** The new address a confirmation token (Better Auth's JWT) is for, if it is a change of address. */
function changeOfAddress(token: string): string | undefined {
  try {
    const { updateTo } = decodeJwt(token);
    return typeof updateTo === "string" ? updateTo : undefined;
  } catch {
    return undefined;
  }
}

type AuthMailOptions = Pick<BetterAuthOptions, "emailVerification" | "user"> & {
  emailAndPassword: Omit<NonNullable<BetterAuthOptions["emailAndPassword"]>, "enabled">;
};

/**
 * Better Auth's mail hooks: password reset, address confirmation (after sign-up, and for a new
 * address), the owner's warning when someone signs up with their address. Without a way to send
 * mail (production without SMTP_URL) there is none of them, so none of these flows is offered.
 */
export function authMailOptions({
  env,
  sendMail,
  markEmailVerified,
}: {
  env: Pick<Env, "BETTER_AUTH_URL" | "REQUIRE_EMAIL_VERIFICATION">;
  sendMail: SendMail | null;
  /** A reset link reached the address's owner, so it confirms the address too. */
  markEmailVerified: (userId: string) => Promise<void>;
}): AuthMailOptions {
  if (!sendMail) return { emailAndPassword: { requireEmailVerification: false } };
  const origin = env.BETTER_AUTH_URL;
  return {
    emailAndPassword: {
      requireEmailVerification: env.REQUIRE_EMAIL_VERIFICATION,
      resetPasswordTokenExpiresIn: MAIL_LINK_SECONDS,
      // Whoever got in with the old password is signed out.
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }) => {
        const url = `${origin}/reset-password?token=${encodeURIComponent(token)}`;
        await deliver(sendMail, "password reset", { to: user.email, ...resetPasswordMail(url) });
      },
      onPasswordReset: async ({ user }) => {
        if (!user.emailVerified) await markEmailVerified(user.id);
      },
      // Called instead of an error when sign-up meets a registered address (with verification
      // on), so the answer is the same as for a new account.
      onExistingUserSignUp: async ({ user }) => {
        const mail = existingAccountMail({
          signInUrl: `${origin}/sign-in`,
          resetUrl: `${origin}/forgot-password`,
        });
        await deliver(sendMail, "existing account", { to: user.email, ...mail });
      },
    },
    emailVerification: {
      expiresIn: MAIL_LINK_SECONDS,
      autoSignInAfterVerification: true,
      sendVerificationEmail: async ({ user, url, token }) => {
        const link = confirmationLink(url);
        // A change of address: the link goes to the new address, and `user.email` is it.
        const updateTo = changeOfAddress(token);
        const mail =
          updateTo === undefined ? verifyEmailMail(link) : changeEmailMail(link, updateTo);
        await deliver(sendMail, "address confirmation", { to: user.email, ...mail });
      },
    },
    user: { changeEmail: { enabled: true } },
  };
}
