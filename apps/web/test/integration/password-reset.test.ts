import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { user, verification } from "../../src/lib/db/schema";
import { findResetAccount } from "../../src/lib/reset-token";
import { get, post, signedUpUser, signIn, uniqueEmail } from "./harness";
import { mailedAuthServer, passAnHour } from "./mail-server";
import { linkIn } from "./smtp-mailbox";

const ctx = mailedAuthServer();

const OLD_PASSWORD = "correct horse battery";
const NEW_PASSWORD = "a brand new password";

const requestReset = (email: string) => post(ctx.server, "/request-password-reset", { email });
const resetPassword = (token: string, newPassword = NEW_PASSWORD) =>
  post(ctx.server, "/reset-password", { token, newPassword });

/** Asks for a reset link for a new user and returns what the mail carried. */
async function mailedReset(label: string) {
  const account = await signedUpUser(ctx.server, label);
  await requestReset(account.email);
  const mail = await ctx.mailbox.next(account.email);
  const link = linkIn(mail, `${ctx.server.origin}/reset-password?token=`);
  const token = new URL(link).searchParams.get("token") ?? "";
  return { ...account, mail, link, token };
}

describe("asking for a reset link", () => {
  it("mails the account's address a Taskline mail, in text and HTML, with the link", async () => {
    const { mail, link } = await mailedReset("reset-mail");

    expect({
      from: mail.from,
      subject: mail.subject,
      textHasLink: mail.text.includes(link),
      htmlHasLink: mail.html.includes(`href="${link}"`),
    }).toEqual({
      from: '"Taskline" <no-reply@taskline.test>',
      subject: "Reset your Taskline password",
      textHasLink: true,
      htmlHasLink: true,
    });
  });

  it("makes a link that expires in one hour", async () => {
    const { userId } = await mailedReset("reset-expiry");

    const [row] = await ctx.server.database.db
      .select({ expiresAt: verification.expiresAt })
      .from(verification)
      .where(eq(verification.value, userId));

    expect((row?.expiresAt.getTime() ?? 0) - Date.now()).toBeGreaterThan(3600_000 - 60_000);
    expect((row?.expiresAt.getTime() ?? 0) - Date.now()).toBeLessThanOrEqual(3600_000);
  });

  it("answers an unknown address exactly as a known one, and mails nobody", async () => {
    const known = await signedUpUser(ctx.server, "reset-known");
    const unknown = uniqueEmail("reset-unknown");

    const forUnknown = await requestReset(unknown);
    const forKnown = await requestReset(known.email);
    await ctx.mailbox.next(known.email);

    expect([forUnknown.status, forUnknown.body]).toEqual([forKnown.status, forKnown.body]);
    expect(ctx.mailbox.received.filter((mail) => mail.to.includes(unknown))).toEqual([]);
  });
});

describe("the reset link", () => {
  it("sets the new password: it signs in, the old one no longer does", async () => {
    const { email, token } = await mailedReset("reset-works");

    const reset = await resetPassword(token);
    const withNew = await signIn(ctx.server, { email, password: NEW_PASSWORD });
    const withOld = await signIn(ctx.server, { email, password: OLD_PASSWORD });

    expect([reset.status, withNew.status, withOld.status]).toEqual([200, 200, 401]);
  });

  it("works once: used again, it is refused and the password stays", async () => {
    const { email, token } = await mailedReset("reset-once");
    await resetPassword(token);

    const again = await resetPassword(token, "yet another password");
    const signedIn = await signIn(ctx.server, { email, password: NEW_PASSWORD });

    expect([again.status, again.body.code, signedIn.status]).toEqual([400, "INVALID_TOKEN", 200]);
  });

  it("is refused after an hour, and the old password still works", async () => {
    const { email, token } = await mailedReset("reset-expired");
    passAnHour();

    const late = await resetPassword(token);
    vi.useRealTimers();
    const signedIn = await signIn(ctx.server, { email, password: OLD_PASSWORD });

    expect([late.status, late.body.code, signedIn.status]).toEqual([400, "INVALID_TOKEN", 200]);
  });

  it("signs out every session of the account", async () => {
    const { cookie, token } = await mailedReset("reset-sessions");

    await resetPassword(token);
    const session = await get(ctx.server, "/get-session", cookie);

    expect(session.body).toBeNull();
  });

  it("confirms the address it was mailed to", async () => {
    const { email, token } = await mailedReset("reset-verifies");

    await resetPassword(token);
    const [row] = await ctx.server.database.db
      .select({ emailVerified: user.emailVerified })
      .from(user)
      .where(eq(user.email, email));

    expect(row?.emailVerified).toBe(true);
  });

  it("is kept only as a hash: the database never holds the token", async () => {
    const { token } = await mailedReset("reset-stored");

    const rows = await ctx.server.database.db
      .select({ identifier: verification.identifier, value: verification.value })
      .from(verification);

    expect(rows.filter((row) => `${row.identifier} ${row.value}`.includes(token))).toEqual([]);
  });
});

describe("the reset page's look-up of a link", () => {
  it("finds the account a link is for", async () => {
    const { email, token } = await mailedReset("lookup-valid");

    expect(await findResetAccount(ctx.server.auth, token)).toEqual({ email });
  });

  it("finds nothing for a used link", async () => {
    const { token } = await mailedReset("lookup-used");
    await resetPassword(token);

    expect(await findResetAccount(ctx.server.auth, token)).toBeNull();
  });

  it("finds nothing for a link older than an hour", async () => {
    const { token } = await mailedReset("lookup-expired");
    passAnHour();

    expect(await findResetAccount(ctx.server.auth, token)).toBeNull();
  });

  it("finds nothing for a made-up token", async () => {
    expect(await findResetAccount(ctx.server.auth, "not-a-token")).toBeNull();
  });
});
