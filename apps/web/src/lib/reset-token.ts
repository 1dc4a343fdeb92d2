import type { Auth } from "./auth";

/**
 * The account a password-reset link is for, or null when the link has expired, was used or
 * never existed: the reset page says so before anyone types a new password.
 */
export async function findResetAccount(
  auth: Auth,
  token: string,
): Promise<{ email: string } | null> {
  if (!token) return null;
  const { internalAdapter } = await auth.$context;
  const verification = await internalAdapter.findVerificationValue(`reset-password:${token}`);
  if (!verification || verification.expiresAt < new Date()) return null;
  const user = await internalAdapter.findUserById(verification.value);
  return user ? { email: user.email } : null;
}
