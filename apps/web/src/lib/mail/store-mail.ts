import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { MailMessage } from "./compose-mail";

/**
 * The development outbox: each mail a JSON file under `${DATA_DIR}/outbox/`, named by the time it
 * was written, so the newest sorts last. Read back by the /dev/outbox page.
 */

export type StoredMail = MailMessage & { id: string; from: string; sentAt: string };

/** `20261204T162030123Z-0123abcd`: sortable by time, and nothing else can pass for one. */
const MAIL_ID = /^\d{8}T\d{9}Z-[0-9a-f]{8}$/;

export const outboxDir = (dataDir: string) => join(dataDir, "outbox");

function newMailId(now: Date): string {
  const stamp = now.toISOString().replaceAll(/[-:.]/g, "");
  return `${stamp}-${randomBytes(4).toString("hex")}`;
}

/** Writes one mail (all or nothing: a reader never sees half a file). Returns its id. */
export async function writeOutboxMail(
  dir: string,
  { message, from, now = new Date() }: { message: MailMessage; from: string; now?: Date },
): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const id = newMailId(now);
  const mail: StoredMail = { id, from, sentAt: now.toISOString(), ...message };
  const file = join(dir, `${id}.json`);
  await writeFile(`${file}.tmp`, JSON.stringify(mail, null, 2), { mode: 0o600 });
  await rename(`${file}.tmp`, file);
  return id;
}

function parseMail(raw: string): StoredMail | null {
  try {
    const value = JSON.parse(raw) as Partial<StoredMail>;
    const fields = [value.id, value.from, value.sentAt, value.to, value.subject, value.text];
    if (fields.some((field) => typeof field !== "string") || typeof value.html !== "string") {
      return null;
    }
    return value as StoredMail;
  } catch {
    return null;
  }
}

/** One mail by id; null for an unknown or malformed id (never a path outside the outbox). */
export async function readOutboxMail(dir: string, id: string): Promise<StoredMail | null> {
  if (!MAIL_ID.test(id)) return null;
  const raw = await readFile(join(dir, `${id}.json`), "utf8").catch(() => null);
  const mail = raw === null ? null : parseMail(raw);
  return mail?.id === id ? mail : null;
}

/** Every mail in the outbox, newest first; an outbox never written to is empty. */
export async function listOutboxMails(dir: string): Promise<StoredMail[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const ids = names
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.slice(0, -".json".length))
    .filter((id) => MAIL_ID.test(id))
    .sort()
    .reverse();
  const mails = await Promise.all(ids.map((id) => readOutboxMail(dir, id)));
  return mails.filter((mail) => mail !== null);
}
