import type { AuthClientError } from "@/app/(auth)/_components/auth-error-message";
import { authMessages } from "@/app/(auth)/_components/auth-error-message";

export const accountMessages = {
  wrongPassword: "That password is not right.",
  passwordRequired: "Enter your password.",
  wrongCode: "That code is not right. Enter the 6 digits your app shows now.",
  wrongBackupCode: "That backup code is not right, or it was already used.",
  codeRequired: "Enter the code.",
  tooManyCodes: "Too many wrong codes. Sign in again to get a new try.",
  locked: "Too many wrong codes: two-factor sign-in is locked for 15 minutes.",
  challengeExpired: "This sign-in has expired. Sign in again.",
  tooManyRequests: "Too many attempts. Please wait a moment and try again.",
  unreachable: "The server could not be reached. Check your connection and try again.",
} as const;

/** A sentence for an account action's failure, from Better Auth's error. */
export function accountErrorMessage(error: AuthClientError | null | undefined): string {
  if (!error || error.status === 0) return accountMessages.unreachable;
  switch (error.code) {
    case "INVALID_PASSWORD":
    case "CREDENTIAL_ACCOUNT_NOT_FOUND":
      return accountMessages.wrongPassword;
    case "PASSWORD_REQUIRED":
      return accountMessages.passwordRequired;
    case "PASSWORD_TOO_SHORT":
      return authMessages.passwordTooShort;
    case "PASSWORD_TOO_LONG":
      return authMessages.passwordTooLong;
    case "INVALID_CODE":
      return accountMessages.wrongCode;
    case "INVALID_BACKUP_CODE":
      return accountMessages.wrongBackupCode;
    case "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE":
      return accountMessages.tooManyCodes;
    case "ACCOUNT_TEMPORARILY_LOCKED":
      return accountMessages.locked;
    case "INVALID_TWO_FACTOR_COOKIE":
      return accountMessages.challengeExpired;
    case "INVALID_EMAIL":
      return authMessages.invalidEmail;
    // The API could not delete the tasks: the server's words say what happened.
    case "TASKS_NOT_DELETED":
      return error.message ?? authMessages.unexpected;
  }
  if (error.status === 429) return accountMessages.tooManyRequests;
  return authMessages.unexpected;
}
