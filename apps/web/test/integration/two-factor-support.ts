import * as OTPAuth from "otpauth";
import { type AuthServer, post, signedUpUser } from "./harness";

export const PASSWORD = "correct horse battery";

/** Cookies as a browser keeps them: a later Set-Cookie replaces one of the same name. */
export function mergeCookies(...cookies: (string | null | undefined)[]): string {
  const jar = new Map<string, string>();
  for (const header of cookies) {
    for (const pair of (header ?? "").split("; ").filter(Boolean)) {
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      // An expired cookie comes back empty.
      if (value === "") jar.delete(name);
      else jar.set(name, value);
    }
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

/** The current RFC 6238 code (SHA-1, 6 digits, 30 s) of an otpauth:// URI, or another window's. */
export function totpCode(uri: string, offsetSeconds = 0): string {
  const totp = OTPAuth.URI.parse(uri);
  if (!(totp instanceof OTPAuth.TOTP)) throw new Error("not a TOTP URI");
  return totp.generate({ timestamp: Date.now() + offsetSeconds * 1000 });
}

/** A signed-up user who turned two-factor sign-in on (enable, then a first code). */
export async function userWithTwoFactor(server: AuthServer, label = "2fa") {
  const account = await signedUpUser(server, label);
  const enabled = await post(server, "/two-factor/enable", { password: PASSWORD }, account.cookie);
  const totpURI = String(enabled.body.totpURI);
  const backupCodes = enabled.body.backupCodes as string[];
  const cookie = mergeCookies(account.cookie, enabled.cookie);
  const confirmed = await post(
    server,
    "/two-factor/verify-totp",
    { code: totpCode(totpURI) },
    cookie,
  );
  if (confirmed.status !== 200) throw new Error(`confirming failed: ${confirmed.status}`);
  return { ...account, totpURI, backupCodes, cookie: mergeCookies(cookie, confirmed.cookie) };
}

/** Signs in with the password: the answer, and the cookie that carries the pending challenge. */
export async function passwordStep(server: AuthServer, email: string, cookie?: string) {
  const response = await post(server, "/sign-in/email", { email, password: PASSWORD }, cookie);
  return { ...response, cookie: mergeCookies(cookie, response.cookie) };
}
