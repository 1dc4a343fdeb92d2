import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getEnv } from "@/lib/env";
import { devOutboxDir, mailDelivery } from "@/lib/mail/send-mail";
import { listOutboxMails } from "@/lib/mail/store-mail";
import { OutboxFrame, sentAt } from "./outbox-frame";

export const metadata: Metadata = { title: "Development outbox" };

/** Development only: the mails this server would have sent, newest first. */
export default async function OutboxPage() {
  const env = getEnv();
  const dir = devOutboxDir(env);
  if (!dir) notFound();
  const mails = await listOutboxMails(dir);
  return (
    <OutboxFrame title="Development outbox">
      <p className="text-sm text-muted-foreground">
        {mailDelivery(env) === "smtp"
          ? "Mail goes out through SMTP_URL; this outbox keeps what was written before it was set."
          : "Without SMTP_URL, this development server writes its mails here instead of sending them."}
      </p>
      {mails.length === 0 ? (
        <p className="text-sm">No mail yet.</p>
      ) : (
        <ul aria-label="Mails" className="divide-y rounded-lg border bg-card">
          {mails.map((mail) => (
            <li key={mail.id}>
              <Link
                href={`/dev/outbox/${mail.id}`}
                className="block px-4 py-3 hover:bg-accent focus-visible:outline-2 focus-visible:outline-ring"
              >
                <span className="block font-medium">{mail.subject}</span>
                <span className="block text-sm text-muted-foreground">
                  To {mail.to} · {sentAt(mail.sentAt)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </OutboxFrame>
  );
}
