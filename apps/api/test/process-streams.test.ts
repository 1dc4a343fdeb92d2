import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  boot,
  Client,
  createTestDatabase,
  JwksServer,
  signToken,
  TEST_VAPID,
  type TestDatabase,
} from "./harness.ts";
import { PushReceiver } from "./support/push-receiver.ts";
import { SseClient } from "./support/sse-client.ts";

/**
 * What the real entry point, in its own process, does with work that outlives a request: it
 * delivers reminders (REMINDER_WORKER defaults to on), and one that falls due while the API is
 * stopped goes out once it is started again; on SIGTERM, its event streams end with a word to
 * reconnect rather than holding the shutdown up.
 */

const jwks = new JwksServer();
const receiver = new PushReceiver(TEST_VAPID.publicKey);
let database: TestDatabase | undefined;
const dataDir = mkdtempSync(join(tmpdir(), "taskline-api-reminders-"));

beforeAll(async () => {
  await jwks.start();
  await jwks.addKey();
  await receiver.start();
  if (process.env.TEST_DATABASE_URL) database = await createTestDatabase({ migrated: false });
});

afterAll(async () => {
  await receiver.close();
  await database?.close();
  await jwks.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const env = () => ({
  PORT: "0",
  LOG_LEVEL: "info",
  AUTH_JWKS_URL: jwks.url,
  VAPID_PUBLIC_KEY: TEST_VAPID.publicKey,
  VAPID_PRIVATE_KEY: TEST_VAPID.privateKey,
  VAPID_SUBJECT: "mailto:tests@example.com",
  ...(database?.url ? { DATABASE_URL: database.url } : { DATA_DIR: dataDir }),
});

describe("reminders across a restart", { timeout: 60_000 }, () => {
  test("a reminder due while the API is stopped is pushed once it is back", async () => {
    const key = jwks.keys[0];
    if (!key) throw new Error("no key");
    const token = await signToken(key, "user_restart");
    const first = await boot(env());
    const client = new Client(first.url, token);
    await client.post("/api/push/subscriptions", receiver.subscription());
    const fireAt = new Date(Date.now() + 1500).toISOString();
    const created = await client.post("/api/tasks", {
      title: "Due while down",
      reminders: [{ at: fireAt }],
    });
    first.child.kill("SIGTERM");
    await first.exited;
    await new Promise((wait) => setTimeout(wait, 2000));
    const pushedWhileDown = receiver.received.length;

    const second = await boot(env());
    const [push] = await receiver.waitFor(1);
    second.child.kill("SIGTERM");
    await second.exited;
    expect([pushedWhileDown, push?.message]).toEqual([
      0,
      {
        type: "reminder",
        task_id: (created.body as { id: string }).id,
        title: "Due while down",
        due_at: null,
        url: `http://localhost:3000/tasks?task=${(created.body as { id: string }).id}`,
      },
    ]);
  });

  test("SIGTERM ends open event streams with event: shutdown, and the process exits 0 at once", async () => {
    const key = jwks.keys[0];
    if (!key) throw new Error("no key");
    const api = await boot({ ...env(), SHUTDOWN_GRACE_MS: "20000" });
    const stream = await SseClient.open(
      `${api.url}/api/events`,
      await signToken(key, "user_streams"),
    );
    await stream.until((c) => c.of("ready").length === 1);
    const signalled = Date.now();
    api.child.kill("SIGTERM");
    const code = await api.exited;
    await stream.until((c) => c.ended);
    expect([code, stream.events.at(-1)?.event, Date.now() - signalled < 10_000]).toEqual([
      0,
      "shutdown",
      true,
    ]);
  });
});
