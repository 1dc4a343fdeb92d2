import {
  PASSWORD_BLANK_CODE,
  PASSWORD_BLANK_MESSAGE,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from "@/lib/password-rules";

/** What Better Auth's client reports when a request fails. */
export type AuthClientError = {
  code?: string | undefined;
  status: number;
  message?: string | undefined;
};

export const authMessages = {
  invalidCredentials: "Invalid email or password",
  alreadyRegistered: "An account with this email already exists. Sign in instead.",
  passwordTooShort: `Password must be at least ${PASSWORD_MIN_LENGTH} characters.`,
  passwordTooLong: `Password must be at most ${PASSWORD_MAX_LENGTH} characters.`,
  emailRequired: "Enter your email address.",
  invalidEmail: "Enter a valid email address.",
  passwordRequired: "Enter your password.",
  passwordBlank: PASSWORD_BLANK_MESSAGE,
  tooManyAttempts: "Too many attempts. Please wait a minute and try again.",
  accountLocked:
    "Too many sign-in attempts for this account. Please wait 15 minutes and try again.",
  emailNotVerified: "Confirm your email address first: open the link we sent you.",
  linkExpired: "This link has expired or was already used.",
  newPasswordRequired: "Enter a new password.",
  passwordsDiffer: "The two passwords are not the same.",
  unexpected: "Something went wrong. Please try again.",
} as const;

/** A sentence for the person at the form, never revealing whether an email is registered on sign-in. */
export function authErrorMessage(error: AuthClientError): string {
  switch (error.code) {
    case "INVALID_EMAIL_OR_PASSWORD":
      return authMessages.invalidCredentials;
    case "USER_ALREADY_EXISTS":
    case "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL":
      return authMessages.alreadyRegistered;
    case "PASSWORD_TOO_SHORT":
      return authMessages.passwordTooShort;
    case "PASSWORD_TOO_LONG":
      return authMessages.passwordTooLong;
    case PASSWORD_BLANK_CODE:
      return authMessages.passwordBlank;
    case "INVALID_EMAIL":
      return authMessages.invalidEmail;
    // The per-account limit (sign-in-limit.ts): unknown emails are counted too, so this says
    // nothing about which are registered.
    case "TOO_MANY_SIGN_IN_ATTEMPTS":
      return authMessages.accountLocked;
    // Only after the right password (REQUIRE_EMAIL_VERIFICATION=true).
    case "EMAIL_NOT_VERIFIED":
      return authMessages.emailNotVerified;
    case "INVALID_TOKEN":
      return authMessages.linkExpired;
  }
  if (error.status === 401) return authMessages.invalidCredentials;
  if (error.status === 429) return authMessages.tooManyAttempts;
  return authMessages.unexpected;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The email field's check, before a round trip. */
export function validateEmail(email: string): string | null {
  if (!email) return authMessages.emailRequired;
  return emailPattern.test(email) ? null : authMessages.invalidEmail;
}

/** A new password, typed twice, against the sign-up rules. */
export function validateNewPassword(password: string, repeated: string): string | null {
  if (!password) return authMessages.newPasswordRequired;
  if (!password.trim()) return authMessages.passwordBlank;
  if (password.length < PASSWORD_MIN_LENGTH) return authMessages.passwordTooShort;
  if (password.length > PASSWORD_MAX_LENGTH) return authMessages.passwordTooLong;
  return password === repeated ? null : authMessages.passwordsDiffer;
}

/** Each credential field's own error, if any. */
export type CredentialErrors = { email?: string; password?: string };

/**
 * Client-side checks, so obvious mistakes are reported before a round trip, each against its own
 * field. `checkLength`: the password is being chosen (sign-up), so the sign-up rules apply.
 */
export function validateCredentials(
  { email, password }: { email: string; password: string },
  { checkLength }: { checkLength: boolean },
): CredentialErrors {
  const errors: CredentialErrors = {};
  const invalidEmail = validateEmail(email);
  if (invalidEmail) errors.email = invalidEmail;
  const invalidPassword = checkLength ? checkNewPassword(password) : checkPassword(password);
  if (invalidPassword) errors.password = invalidPassword;
  return errors;
}

function checkPassword(password: string): string | null {
  return password ? null : authMessages.passwordRequired;
}

function checkNewPassword(password: string): string | null {
  if (!password) return authMessages.passwordRequired;
  if (!password.trim()) return authMessages.passwordBlank;
  if (password.length < PASSWORD_MIN_LENGTH) return authMessages.passwordTooShort;
  if (password.length > PASSWORD_MAX_LENGTH) return authMessages.passwordTooLong;
  return null;
}
