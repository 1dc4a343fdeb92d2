import { createTransport } from "nodemailer";
import type { Env } from "../env";
import type { MailMessage } from "./compose-mail";
import { outboxDir, writeOutboxMail } from "./store-mail";

/**
 * How this server delivers mail: through SMTP_URL; else, in development, into the outbox under
 * DATA_DIR (listed at /dev/outbox); else (production without SMTP_URL) not at all.
 */
export type MailDelivery = "smtp" | "outbox" | "none";

export function mailDelivery(env: Pick<Env, "SMTP_URL" | "APP_ENV">): MailDelivery {
  if (env.SMTP_URL) return "smtp";
  return env.APP_ENV === "development" ? "outbox" : "none";
}

/** The development outbox's folder, for the /dev/outbox pages; null outside development. */
export function devOutboxDir(env: Pick<Env, "APP_ENV" | "DATA_DIR">): string | null {
  return env.APP_ENV === "development" ? outboxDir(env.DATA_DIR) : null;
}

/** The sender when MAIL_FROM is unset (development only: production requires it with SMTP). */
export const DEFAULT_MAIL_FROM = "Taskline <no-reply@localhost>";

export type SendMail = (message: MailMessage) => Promise<void>;

/** Delivers a mail, or throws; null when this server sends no mail. */
export function createMailSender(
  env: Pick<Env, "SMTP_URL" | "MAIL_FROM" | "APP_ENV" | "DATA_DIR">,
): SendMail | null {
  const from = env.MAIL_FROM ?? DEFAULT_MAIL_FROM;
  switch (mailDelivery(env)) {
    case "smtp": {
      const transport = createTransport(env.SMTP_URL);
      return async ({ to, subject, text, html }) => {
        await transport.sendMail({ from, to, subject, text, html });
      };
    }
    case "outbox": {
      const dir = outboxDir(env.DATA_DIR);
      return async (message) => {
        await writeOutboxMail(dir, { message, from });
      };
    }
    case "none":
      return null;
  }
}
