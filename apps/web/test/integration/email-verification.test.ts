import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { user } from "../../src/lib/db/schema";
import { post, signIn, signUp, uniqueEmail } from "./harness";
import { mailedAuthServer, openLink, passAnHour } from "./mail-server";
import { linkIn } from "./smtp-mailbox";

const ctx = mailedAuthServer({ REQUIRE_EMAIL_VERIFICATION: "true" });

const PASSWORD = "correct horse battery";

const open = (link: string) => openLink(ctx.server, link);

async function signedUpUnverified(label: string) {
  const email = uniqueEmail(label);
  const response = await signUp(ctx.server, { email, password: PASSWORD });
  const mail = await ctx.mailbox.next(email);
  return {
    email,
    response,
    mail,
    link: linkIn(mail, `${ctx.server.origin}/api/auth/verify-email?`),
  };
}

const isVerified = async (email: string) => {
  const [row] = await ctx.server.database.db
    .select({ emailVerified: user.emailVerified })
    .from(user)
    .where(eq(user.email, email));
  return row?.emailVerified;
};

describe("with REQUIRE_EMAIL_VERIFICATION=true, sign-up", () => {
  it("answers 200 without a session", async () => {
    const { response } = await signedUpUnverified("verify-signup");

    expect([response.status, response.body.token, response.cookie]).toEqual([200, null, null]);
  });

  it("mails a link to confirm the address", async () => {
    const { mail } = await signedUpUnverified("verify-mail");

    expect(mail.subject).toBe("Confirm your email address for Taskline");
  });
});

describe("with REQUIRE_EMAIL_VERIFICATION=true, sign-in", () => {
  it("waits for the address to be confirmed, even with the right password", async () => {
    const { email } = await signedUpUnverified("verify-wait");

    const response = await signIn(ctx.server, { email, password: PASSWORD });

    expect([response.status, response.body.code, response.cookie]).toEqual([
      403,
      "EMAIL_NOT_VERIFIED",
      null,
    ]);
  });

  it("succeeds once the mailed link was opened", async () => {
    const { email, link } = await signedUpUnverified("verify-then-sign-in");
    await open(link);

    const response = await signIn(ctx.server, { email, password: PASSWORD });

    expect(response.status).toBe(200);
  });
});

describe("the confirmation link", () => {
  it("confirms the address, signs the browser in and leads to /verify-email", async () => {
    const { email, link } = await signedUpUnverified("verify-link");

    const opened = await open(link);

    expect([opened.status, opened.to, opened.cookie.length > 0, await isVerified(email)]).toEqual([
      302,
      "/verify-email",
      true,
      true,
    ]);
  });

  it("works once: opened again it signs nobody in", async () => {
    const { link } = await signedUpUnverified("verify-once");
    await open(link);

    const again = await open(link);

    expect([again.status, again.to, again.cookie]).toEqual([302, "/verify-email", []]);
  });

  it("is refused after an hour, and the address stays unconfirmed", async () => {
    const { email, link } = await signedUpUnverified("verify-expired");
    passAnHour();

    const late = await open(link);
    vi.useRealTimers();

    expect([late.to, late.cookie, await isVerified(email)]).toEqual([
      "/verify-email?error=TOKEN_EXPIRED",
      [],
      false,
    ]);
  });

  it("is sent again on request", async () => {
    const { email } = await signedUpUnverified("verify-again");

    const response = await post(ctx.server, "/send-verification-email", { email });
    const mail = await ctx.mailbox.next(email);

    expect([response.status, mail.subject]).toEqual([
      200,
      "Confirm your email address for Taskline",
    ]);
  });
});

describe("signing up with a registered address", () => {
  /** What a sign-up answer shows, less what differs between any two accounts. */
  const shape = (response: Awaited<ReturnType<typeof signUp>>) => {
    const { id, email, createdAt, updatedAt, ...rest } = response.body.user as Record<
      string,
      unknown
    >;
    return {
      status: response.status,
      keys: Object.keys(response.body),
      userKeys: Object.keys(response.body.user as object),
      user: rest,
      types: [typeof id, typeof email, typeof createdAt, typeof updatedAt],
      cookie: response.cookie,
      setCookie: response.headers.get("set-cookie"),
    };
  };

  it("answers exactly as a new sign-up does", async () => {
    const { email } = await signedUpUnverified("taken");

    const again = await signUp(ctx.server, { email, password: "another password" });
    const fresh = await signUp(ctx.server, { email: uniqueEmail("fresh"), password: PASSWORD });

    expect(shape(again)).toEqual(shape(fresh));
  });

  it("mails the owner instead, with a way to sign in or reset the password", async () => {
    const { email } = await signedUpUnverified("owner");

    await signUp(ctx.server, { email, password: "another password" });
    const mail = await ctx.mailbox.next(email);

    expect([mail.subject, linkIn(mail, `${ctx.server.origin}/forgot-password`)]).toEqual([
      "Someone tried to sign up to Taskline with your address",
      `${ctx.server.origin}/forgot-password`,
    ]);
  });

  it("changes nothing of the account: its own password still signs in", async () => {
    const { email, link } = await signedUpUnverified("unchanged");
    await open(link);

    await signUp(ctx.server, { email, password: "another password" });
    const own = await signIn(ctx.server, { email, password: PASSWORD });
    const other = await signIn(ctx.server, { email, password: "another password" });

    expect([own.status, other.status]).toEqual([200, 401]);
  });
});
