import { describe, expect, it } from "vitest";
import {
  changeEmailMail,
  existingAccountMail,
  type MailContent,
  resetPasswordMail,
  verifyEmailMail,
} from "./compose-mail";

const link = "http://localhost:3000/reset-password?token=a&b=c";

const mails: [string, MailContent][] = [
  ["reset", resetPasswordMail(link)],
  ["verify", verifyEmailMail(link)],
  ["change", changeEmailMail(link, "new@example.com")],
  ["existing", existingAccountMail({ signInUrl: link, resetUrl: link })],
];

describe.each(mails)("the %s mail", (_, mail) => {
  it("names Taskline in its subject and both versions", () => {
    expect([mail.subject, mail.text, mail.html].map((part) => part.includes("Taskline"))).toEqual([
      true,
      true,
      true,
    ]);
  });

  it("carries the link in its text version as is", () => {
    expect(mail.text).toContain(`\n${link}\n`);
  });

  it("links nothing but the link in its HTML version", () => {
    const urls = [...mail.html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);

    expect([...new Set(urls)]).toEqual(["http://localhost:3000/reset-password?token=a&amp;b=c"]);
  });

  it("loads nothing in its HTML version: no images, scripts, style sheets or fonts", () => {
    expect(mail.html).not.toMatch(/<img|src=|url\(|<script|<link|@import/i);
  });
});

describe("the mails", () => {
  it("escape what they quote in HTML", () => {
    const mail = changeEmailMail(link, '"><script>x</script>@example.com');

    expect(mail.html).toContain("&quot;&gt;&lt;script&gt;x&lt;/script&gt;@example.com");
  });

  it("leave the reset link out of the existing-account mail when resets cannot be mailed", () => {
    const mail = existingAccountMail({
      signInUrl: "http://localhost:3000/sign-in",
      resetUrl: null,
    });

    expect(mail.text).not.toContain("Reset");
  });
});
