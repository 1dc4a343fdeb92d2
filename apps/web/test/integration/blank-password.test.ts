import { describe, expect, it } from "vitest";
import { post, signedUpUser, signIn, signUp, uniqueEmail } from "./harness";
import { mailedAuthServer } from "./mail-server";
import { linkIn } from "./smtp-mailbox";

const ctx = mailedAuthServer();

const BLANK = " \t        ";
const REFUSAL = { code: "PASSWORD_BLANK", message: "Password cannot be only spaces." };

describe("a password of only whitespace", () => {
  it("is refused at sign-up with 400 and no account is made", async () => {
    const email = uniqueEmail("blank-sign-up");

    const response = await signUp(ctx.server, { email, password: BLANK });
    const signInAfter = await signIn(ctx.server, { email, password: BLANK });

    expect([response.status, response.body, response.cookie, signInAfter.status]).toEqual([
      400,
      REFUSAL,
      null,
      401,
    ]);
  });

  it("is refused as the new password on the account page, and the old one still signs in", async () => {
    const user = await signedUpUser(ctx.server, "blank-change");

    const response = await post(
      ctx.server,
      "/change-password",
      { currentPassword: "correct horse battery", newPassword: BLANK },
      user.cookie,
    );
    const withOld = await signIn(ctx.server, {
      email: user.email,
      password: "correct horse battery",
    });

    expect([response.status, response.body, withOld.status]).toEqual([400, REFUSAL, 200]);
  });

  it("is refused by a reset link, which then still works for a real password", async () => {
    const user = await signedUpUser(ctx.server, "blank-reset");
    await post(ctx.server, "/request-password-reset", { email: user.email });
    const mail = await ctx.mailbox.next(user.email);
    const token =
      new URL(linkIn(mail, `${ctx.server.origin}/reset-password?token=`)).searchParams.get(
        "token",
      ) ?? "";

    const refused = await post(ctx.server, "/reset-password", { token, newPassword: BLANK });
    const accepted = await post(ctx.server, "/reset-password", {
      token,
      newPassword: "a real new password",
    });

    expect([refused.status, refused.body, accepted.status]).toEqual([400, REFUSAL, 200]);
  });

  it("does not refuse a password with spaces around other characters", async () => {
    const response = await signUp(ctx.server, {
      email: uniqueEmail("spaced"),
      password: "  spaced out  ",
    });

    expect(response.status).toBe(200);
  });
});
