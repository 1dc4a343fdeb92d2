import { getEnv } from "@/lib/env";
import { devOutboxDir } from "@/lib/mail/send-mail";
import { readOutboxMail } from "@/lib/mail/store-mail";

/** Development only: a mail's HTML version as a mail reader would show it (no scripts run). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const dir = devOutboxDir(getEnv());
  const mail = dir ? await readOutboxMail(dir, (await params).id) : null;
  if (!mail) return new Response("Not found", { status: 404 });
  return new Response(mail.html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      "cache-control": "no-store",
    },
  });
}
