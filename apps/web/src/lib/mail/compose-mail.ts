/**
 * The mails Taskline sends: a plain-text and an HTML version of each, short, with the product's
 * name. No images, no tracking: the only links are the ones the reader is asked to follow.
 */

export type MailContent = { subject: string; text: string; html: string };

export type MailMessage = MailContent & { to: string };

const PRODUCT = "Taskline";

const escapeHtml = (value: string) =>
  value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");

type Link = { label: string; url: string };

type Draft = {
  subject: string;
  /** Paragraphs before the links. */
  intro: string[];
  links: Link[];
  /** Paragraphs after the links. */
  outro: string[];
};

function linkHtml({ label, url }: Link): string {
  const href = escapeHtml(url);
  return `<p style="margin:24px 0"><a href="${href}" style="display:inline-block;background:#18181b;color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:6px;font-weight:600">${escapeHtml(label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#52525b">Or open this address: <a href="${href}" style="color:#18181b;word-break:break-all">${href}</a></p>`;
}

function compose({ subject, intro, links, outro }: Draft): MailContent {
  const text = [
    ...intro,
    ...links.map(({ label, url }) => `${label}:\n${url}`),
    ...outro,
    `— ${PRODUCT}`,
  ].join("\n\n");
  const paragraph = (line: string) => `<p style="margin:0 0 16px">${escapeHtml(line)}</p>`;
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#ffffff;color:#18181b;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:15px;line-height:1.5">
<div style="max-width:520px;margin:0 auto">
<p style="margin:0 0 24px;font-size:18px;font-weight:600">${PRODUCT}</p>
${intro.map(paragraph).join("\n")}
${links.map(linkHtml).join("\n")}
${outro.map(paragraph).join("\n")}
</div>
</body>
</html>
`;
  return { subject, text: `${text}\n`, html };
}

const LINK_LIFETIME = "The link works once, within an hour.";

export function resetPasswordMail(url: string): MailContent {
  return compose({
    subject: `Reset your ${PRODUCT} password`,
    intro: [`Someone asked to reset the password of the ${PRODUCT} account for this address.`],
    links: [{ label: "Choose a new password", url }],
    outro: [
      LINK_LIFETIME,
      "If you did not ask for this, ignore this mail: your password stays as it is.",
    ],
  });
}

export function verifyEmailMail(url: string): MailContent {
  return compose({
    subject: `Confirm your email address for ${PRODUCT}`,
    intro: [`Please confirm that this is the address of your ${PRODUCT} account.`],
    links: [{ label: "Confirm my address", url }],
    outro: [LINK_LIFETIME, "If you did not create an account, ignore this mail."],
  });
}

export function changeEmailMail(url: string, newEmail: string): MailContent {
  return compose({
    subject: `Confirm your new email address for ${PRODUCT}`,
    intro: [`Someone asked to change the email address of a ${PRODUCT} account to ${newEmail}.`],
    links: [{ label: "Confirm the new address", url }],
    outro: [
      LINK_LIFETIME,
      "If you did not ask for this, ignore this mail: the account keeps its address.",
    ],
  });
}

export function existingAccountMail({
  signInUrl,
  resetUrl,
}: {
  signInUrl: string;
  /** Null when this server cannot send reset links. */
  resetUrl: string | null;
}): MailContent {
  return compose({
    subject: `Someone tried to sign up to ${PRODUCT} with your address`,
    intro: [
      `Someone tried to create a ${PRODUCT} account with this email address, which already has one. No new account was made.`,
      "If it was you, sign in instead.",
    ],
    links: [
      { label: "Sign in", url: signInUrl },
      ...(resetUrl ? [{ label: "Forgot your password? Reset it", url: resetUrl }] : []),
    ],
    outro: ["If it was not you, ignore this mail: nothing has changed."],
  });
}
