import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { twoFactor, user } from "../../src/lib/db/schema";
import { type AuthServer, get, post, signedUpUser, startAuthServer } from "./harness";
import {
  mergeCookies,
  PASSWORD,
  passwordStep,
  totpCode,
  userWithTwoFactor,
} from "./two-factor-support";

let server: AuthServer;

beforeAll(async () => {
  server = await startAuthServer();
});

afterAll(async () => {
  await server?.close();
});

const signedInAs = async (cookie: string | null) =>
  ((await get(server, "/get-session", cookie ?? "")).body?.user as { email?: string } | undefined)
    ?.email;

describe("turning two-factor sign-in on", () => {
  it("needs the password: a wrong one is refused and nothing is stored", async () => {
    const account = await signedUpUser(server, "2fa-wrong");
    const response = await post(
      server,
      "/two-factor/enable",
      { password: "wrong" },
      account.cookie,
    );
    const rows = await server.database.db
      .select()
      .from(twoFactor)
      .where(eq(twoFactor.userId, account.userId));
    expect([response.status, response.body.code, rows]).toEqual([400, "INVALID_PASSWORD", []]);
  });

  it("gives an otpauth:// URI for Taskline and ten backup codes; it is on only after a first code", async () => {
    const account = await signedUpUser(server, "2fa-on");
    const enabled = await post(
      server,
      "/two-factor/enable",
      { password: PASSWORD },
      account.cookie,
    );
    const uri = new URL(String(enabled.body.totpURI));
    const before = await server.database.db.select().from(user).where(eq(user.id, account.userId));
    const cookie = mergeCookies(account.cookie, enabled.cookie);
    const wrong = await post(server, "/two-factor/verify-totp", { code: "000000" }, cookie);
    const right = await post(
      server,
      "/two-factor/verify-totp",
      { code: totpCode(uri.toString()) },
      cookie,
    );
    const after = await server.database.db.select().from(user).where(eq(user.id, account.userId));
    expect({
      protocol: uri.protocol,
      issuer: uri.searchParams.get("issuer"),
      codes: (enabled.body.backupCodes as string[]).length,
      before: before[0]?.twoFactorEnabled,
      wrong: wrong.status,
      right: right.status,
      after: after[0]?.twoFactorEnabled,
    }).toEqual({
      protocol: "otpauth:",
      issuer: "Taskline",
      codes: 10,
      before: false,
      wrong: 401,
      right: 200,
      after: true,
    });
  });
});

describe("signing in with two-factor on", () => {
  it("the password alone gives no session: the answer asks for the second factor", async () => {
    const { email } = await userWithTwoFactor(server);
    const step = await passwordStep(server, email);
    expect([step.status, step.body, await signedInAs(step.cookie)]).toEqual([
      200,
      { twoFactorRedirect: true, twoFactorMethods: ["totp"] },
      undefined,
    ]);
  });

  it("a current code from the app finishes it", async () => {
    const { email, totpURI } = await userWithTwoFactor(server);
    const step = await passwordStep(server, email);
    const code = await post(
      server,
      "/two-factor/verify-totp",
      { code: totpCode(totpURI) },
      step.cookie,
    );
    expect([code.status, await signedInAs(mergeCookies(step.cookie, code.cookie))]).toEqual([
      200,
      email,
    ]);
  });

  it("wrong codes are refused (a code of another time window too), and give no session", async () => {
    const { email, totpURI } = await userWithTwoFactor(server);
    const step = await passwordStep(server, email);
    const statuses: number[] = [];
    for (const code of ["123456", totpCode(totpURI, -300), "abcdef"]) {
      const response = await post(server, "/two-factor/verify-totp", { code }, step.cookie);
      statuses.push(response.status);
    }
    expect([statuses, await signedInAs(step.cookie)]).toEqual([[401, 401, 401], undefined]);
  });

  it("five wrong codes end the attempt: even the right code then needs a new sign-in", async () => {
    const { email, totpURI } = await userWithTwoFactor(server);
    const step = await passwordStep(server, email);
    for (let i = 0; i < 5; i += 1) {
      await post(server, "/two-factor/verify-totp", { code: "000000" }, step.cookie);
    }
    const late = await post(
      server,
      "/two-factor/verify-totp",
      { code: totpCode(totpURI) },
      step.cookie,
    );
    expect([late.status, late.body.code]).toEqual([400, "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE"]);
  });

  it("a backup code works once: used again, it is refused", async () => {
    const { email, backupCodes } = await userWithTwoFactor(server);
    const code = backupCodes[0] ?? "";
    const first = await passwordStep(server, email);
    const used = await post(server, "/two-factor/verify-backup-code", { code }, first.cookie);
    const second = await passwordStep(server, email);
    const reused = await post(server, "/two-factor/verify-backup-code", { code }, second.cookie);
    const other = await post(
      server,
      "/two-factor/verify-backup-code",
      { code: backupCodes[1] },
      second.cookie,
    );
    expect([used.status, reused.status, reused.body.code, other.status]).toEqual([
      200,
      401,
      "INVALID_BACKUP_CODE",
      200,
    ]);
  });

  it("a trusted device signs in with the password alone for 30 days", async () => {
    const { email, totpURI } = await userWithTwoFactor(server);
    const step = await passwordStep(server, email);
    const code = await post(
      server,
      "/two-factor/verify-totp",
      { code: totpCode(totpURI), trustDevice: true },
      step.cookie,
    );
    const device = mergeCookies(step.cookie, code.cookie);
    const trustCookie = code.headers.getSetCookie().find((c) => c.includes("trust_device"));
    const again = await passwordStep(server, email, device);
    expect([
      again.status,
      "twoFactorRedirect" in again.body,
      await signedInAs(again.cookie),
      /Max-Age=2592000/.test(trustCookie ?? ""),
    ]).toEqual([200, false, email, true]);
  });
});

describe("backup codes and turning it off", () => {
  it("new backup codes replace the old ones", async () => {
    const { email, cookie, backupCodes } = await userWithTwoFactor(server);
    const fresh = await post(
      server,
      "/two-factor/generate-backup-codes",
      { password: PASSWORD },
      cookie,
    );
    const step = await passwordStep(server, email);
    const old = await post(
      server,
      "/two-factor/verify-backup-code",
      { code: backupCodes[0] },
      step.cookie,
    );
    const renewed = await post(
      server,
      "/two-factor/verify-backup-code",
      { code: (fresh.body.backupCodes as string[])[0] },
      step.cookie,
    );
    expect([
      fresh.status,
      (fresh.body.backupCodes as string[]).length,
      old.status,
      renewed.status,
    ]).toEqual([200, 10, 401, 200]);
  });

  it("turning it off needs the password; then the password alone signs in", async () => {
    const { email, cookie } = await userWithTwoFactor(server);
    const refused = await post(server, "/two-factor/disable", { password: "wrong" }, cookie);
    const off = await post(server, "/two-factor/disable", { password: PASSWORD }, cookie);
    const step = await passwordStep(server, email);
    expect([refused.status, off.status, await signedInAs(step.cookie)]).toEqual([400, 200, email]);
  });
});
