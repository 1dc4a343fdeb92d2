import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listOutboxMails, outboxDir, readOutboxMail, writeOutboxMail } from "./store-mail";

let dataDir: string;
let dir: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), "taskline-outbox-"));
  dir = outboxDir(dataDir);
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const FROM = "Taskline <no-reply@localhost>";

const message = (subject: string) => ({
  to: "ada@example.com",
  subject,
  text: `${subject}\n\nhttp://localhost:3000/reset-password?token=abc\n`,
  html: `<p>${subject}</p>`,
});

const at = (iso: string) => new Date(iso);

describe("the development outbox", () => {
  it("keeps each mail under DATA_DIR/outbox", () => {
    expect(dir).toBe(join(dataDir, "outbox"));
  });

  it("reads back a written mail whole, with its sender and time", async () => {
    const id = await writeOutboxMail(dir, {
      message: message("Reset your Taskline password"),
      from: FROM,
      now: at("2026-12-04T16:20:30.123Z"),
    });

    expect(await readOutboxMail(dir, id)).toEqual({
      id,
      from: FROM,
      sentAt: "2026-12-04T16:20:30.123Z",
      ...message("Reset your Taskline password"),
    });
  });

  it("names a mail by its time and a random part", async () => {
    const id = await writeOutboxMail(dir, {
      message: message("A"),
      from: FROM,
      now: at("2026-12-04T16:20:30.123Z"),
    });

    expect(id).toMatch(/^20261204T162030123Z-[0-9a-f]{8}$/);
  });

  it("lists the mails newest first", async () => {
    for (const [subject, time] of [
      ["second", "2026-12-04T10:00:01.000Z"],
      ["third", "2026-12-04T10:00:02.000Z"],
      ["first", "2026-12-04T10:00:00.000Z"],
    ] as const) {
      await writeOutboxMail(dir, { message: message(subject), from: FROM, now: at(time) });
    }

    const subjects = (await listOutboxMails(dir)).map((mail) => mail.subject);

    expect(subjects).toEqual(["third", "second", "first"]);
  });

  it("lists nothing before the first mail (no outbox folder yet)", async () => {
    expect(await listOutboxMails(dir)).toEqual([]);
  });

  it("leaves no temporary file behind and keeps mails readable by their owner only", async () => {
    const id = await writeOutboxMail(dir, { message: message("A"), from: FROM });

    expect([readdirSync(dir), statSync(join(dir, `${id}.json`)).mode & 0o777]).toEqual([
      [`${id}.json`],
      0o600,
    ]);
  });

  it("finds nothing for an id that is not a mail's, such as a path", async () => {
    writeFileSync(join(dataDir, "dev-secret"), "secret");
    await writeOutboxMail(dir, { message: message("A"), from: FROM });

    const found = await Promise.all(
      ["../dev-secret", "20261204T162030123Z-0123abcd", ""].map((id) => readOutboxMail(dir, id)),
    );

    expect(found).toEqual([null, null, null]);
  });

  it("skips files that are not mails", async () => {
    await writeOutboxMail(dir, { message: message("kept"), from: FROM });
    writeFileSync(join(dir, "20261204T162030123Z-0123abcd.json"), "{ not json");
    writeFileSync(join(dir, "notes.txt"), "hello");

    const subjects = (await listOutboxMails(dir)).map((mail) => mail.subject);

    expect(subjects).toEqual(["kept"]);
  });
});
