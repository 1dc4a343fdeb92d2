import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getEnv } from "@/lib/env";
import { devOutboxDir } from "@/lib/mail/send-mail";
import { readOutboxMail } from "@/lib/mail/store-mail";
import { LinkedText, OutboxFrame, sentAt } from "../outbox-frame";

export const metadata: Metadata = { title: "Mail · Development outbox" };

/** Development only: one mail of the outbox, its text with working links. */
export default async function OutboxMailPage({ params }: { params: Promise<{ id: string }> }) {
  const dir = devOutboxDir(getEnv());
  if (!dir) notFound();
  const mail = await readOutboxMail(dir, (await params).id);
  if (!mail) notFound();
  return (
    <OutboxFrame title={mail.subject}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted-foreground">From</dt>
        <dd>{mail.from}</dd>
        <dt className="text-muted-foreground">To</dt>
        <dd>{mail.to}</dd>
        <dt className="text-muted-foreground">Sent</dt>
        <dd>{sentAt(mail.sentAt)}</dd>
      </dl>
      <LinkedText text={mail.text} />
      <p className="flex gap-4 text-sm">
        <a
          href={`/dev/outbox/${mail.id}/html`}
          className="text-primary underline-offset-4 hover:underline"
        >
          The HTML version
        </a>
        <Link href="/dev/outbox" className="text-primary underline-offset-4 hover:underline">
          Back to the outbox
        </Link>
      </p>
    </OutboxFrame>
  );
}
