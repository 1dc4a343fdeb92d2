import { describe, expect, it, vi } from "vitest";
import { get, post, signedUpUser, signIn, uniqueEmail } from "./harness";
import { mailedAuthServer, openLink, passAnHour } from "./mail-server";
import { linkIn } from "./smtp-mailbox";

const ctx = mailedAuthServer();

const PASSWORD = "correct horse battery";

/** A signed-in user who asked to move to a new address, and the link mailed there. */
async function askedToChange(label: string) {
  const account = await signedUpUser(ctx.server, label);
  const newEmail = uniqueEmail(`${label}-new`);
  const response = await post(ctx.server, "/change-email", { newEmail }, account.cookie);
  const mail = await ctx.mailbox.next(newEmail);
  const link = linkIn(mail, `${ctx.server.origin}/api/auth/verify-email?`);
  return { ...account, newEmail, response, mail, link };
}

const open = async (link: string) => (await openLink(ctx.server, link)).to;

const emailOf = async (cookie: string) =>
  ((await get(ctx.server, "/get-session", cookie)).body?.user as { email?: string } | undefined)
    ?.email;

describe("changing the email address", () => {
  it("mails a confirmation link to the new address, and nothing to the old one", async () => {
    const { email, response, mail } = await askedToChange("change-mail");

    expect([
      response.status,
      mail.subject,
      ctx.mailbox.received.filter((m) => m.to.includes(email)).length,
    ]).toEqual([200, "Confirm your new email address for Taskline", 0]);
  });

  it("keeps the old address until the link is opened", async () => {
    const { email, cookie } = await askedToChange("change-wait");

    expect(await emailOf(cookie)).toBe(email);
  });

  it("moves the account to the new address once the link is opened", async () => {
    const { email, newEmail, link } = await askedToChange("change-done");

    const to = await open(link);
    const withNew = await signIn(ctx.server, { email: newEmail, password: PASSWORD });
    const withOld = await signIn(ctx.server, { email, password: PASSWORD });

    expect([to, withNew.status, withOld.status]).toEqual(["/verify-email", 200, 401]);
  });

  it("takes a link once: opened again, it is refused", async () => {
    const { link } = await askedToChange("change-once");
    await open(link);

    expect(await open(link)).toBe("/verify-email?error=INVALID_TOKEN");
  });

  it("refuses a link after an hour, and the address stays", async () => {
    const { email, cookie, link } = await askedToChange("change-expired");
    passAnHour();

    const to = await open(link);
    vi.useRealTimers();

    expect([to, await emailOf(cookie)]).toEqual(["/verify-email?error=TOKEN_EXPIRED", email]);
  });
});
