import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { type AuthServer, startAuthServer } from "./harness";
import { type Mailbox, startMailbox } from "./smtp-mailbox";

export const MAIL_FROM = "Taskline <no-reply@taskline.test>";

/**
 * A test file's SMTP server and, pointed at it, its Better Auth server (with `variables` on top),
 * started before its tests and closed after them. Fake clocks are undone after each test.
 */
export function mailedAuthServer(variables: Record<string, string> = {}) {
  const context = {} as { mailbox: Mailbox; server: AuthServer };
  beforeAll(async () => {
    context.mailbox = await startMailbox();
    context.server = await startAuthServer({
      SMTP_URL: context.mailbox.url,
      MAIL_FROM,
      ...variables,
    });
  });
  afterAll(async () => {
    await context.server?.close();
    await context.mailbox?.close();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  return context;
}

/** From now on, this process's clock reads 61 minutes later (undone after the test). */
export function passAnHour(): void {
  vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 61 * 60_000 });
}

/** Follows a mailed link as a browser's first request would: where it leads, what it sets. */
export async function openLink(server: AuthServer, link: string) {
  const response = await fetch(link, { redirect: "manual" });
  const location = new URL(response.headers.get("location") ?? "", server.origin);
  return {
    status: response.status,
    to: `${location.pathname}${location.search}`,
    cookie: response.headers.getSetCookie().map((line) => line.split(";")[0]),
  };
}
