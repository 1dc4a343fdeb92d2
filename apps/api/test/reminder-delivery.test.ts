import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { pushSubscriptions } from "../src/db/schema.ts";
import { parseEnv } from "../src/env.ts";
import { createLogger } from "../src/lib/logger.ts";
import { type ReminderWorker, startReminderWorker } from "../src/reminders/reminder-worker.ts";
import { type Client, createTask, setupTestApi, type TaskJson, TEST_VAPID } from "./harness.ts";
import { jobs } from "./support/jobs.ts";
import { PushReceiver } from "./support/push-receiver.ts";

/**
 * Reminders delivered for real: the worker takes the job pg-boss holds, encrypts the message for
 * the subscribed browser (RFC 8291) under our VAPID key (RFC 8292) and posts it to a push service
 * on loopback, which checks the token, decrypts the message and answers as a push service would.
 */

const api = setupTestApi();
const receiver = new PushReceiver(TEST_VAPID.publicKey);
let workers: ReminderWorker[] = [];

const config = parseEnv({
  VAPID_PUBLIC_KEY: TEST_VAPID.publicKey,
  VAPID_PRIVATE_KEY: TEST_VAPID.privateKey,
  VAPID_SUBJECT: "mailto:tests@example.com",
  WEB_APP_URL: "https://tasks.example.com",
});

const startWorker = async () => {
  workers.push(
    await startReminderWorker({ config, database: api.database, logger: createLogger("silent") }),
  );
};

beforeAll(() => receiver.start());
afterEach(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  workers = [];
  receiver.received.length = 0;
  receiver.status = 201;
});
afterAll(() => receiver.close());

/** An instant `seconds` from now, as an ISO text. */
const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

async function subscribe(user: Client) {
  const subscription = receiver.subscription();
  const response = await user.post("/api/push/subscriptions", subscription);
  if (response.status !== 201) throw new Error(`subscribing failed: ${response.status}`);
  return subscription;
}

/** Polls the task until its first reminder has `field` set (or gives up after 15 s). */
async function reminderOnceSet(user: Client, id: string, field: "sent_at" | "failed_at") {
  for (let tries = 0; tries < 150; tries += 1) {
    const task = (await user.get(`/api/tasks/${id}`)).body as TaskJson;
    if (task.reminders[0]?.[field]) return task.reminders[0];
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(`the reminder never got ${field}`);
}

describe("reminder delivery", () => {
  test("a reminder set to go off in 2 seconds arrives, encrypted, signed and saying only what it must", async () => {
    const alice = await api.user("alice");
    const subscription = await subscribe(alice);
    await startWorker();
    const task = await createTask(alice, {
      title: "Take the cake out",
      description: "never sent",
      due_date: "2030-01-01",
      reminders: [{ at: inSeconds(2) }],
    });
    const [push] = await receiver.waitFor(1);
    expect(push).toEqual({
      path: new URL(subscription.endpoint).pathname,
      message: {
        type: "reminder",
        task_id: task.id,
        title: "Take the cake out",
        due_at: "2030-01-02T00:00:00.000Z",
        url: `https://tasks.example.com/tasks?task=${task.id}`,
      },
      vapid: { aud: receiver.url, sub: "mailto:tests@example.com" },
    });
  });

  test("once delivered, the reminder shows when it was sent", async () => {
    const alice = await api.user("alice");
    await subscribe(alice);
    await startWorker();
    const before = Date.now();
    const task = await createTask(alice, { title: "Call", reminders: [{ at: inSeconds(1) }] });
    const sent = await reminderOnceSet(alice, task.id, "sent_at");
    expect(Date.parse(sent.sent_at ?? "")).toBeGreaterThanOrEqual(before);
  });

  test("a reminder due while no worker ran is sent once one runs again: late, not lost", async () => {
    const alice = await api.user("alice");
    await subscribe(alice);
    const task = await createTask(alice, { title: "Call", reminders: [{ at: inSeconds(1) }] });
    await new Promise((wait) => setTimeout(wait, 1500));
    await startWorker();
    const [push] = await receiver.waitFor(1);
    expect(push?.message).toMatchObject({ task_id: task.id });
  });

  test("a subscription its push service says is gone (410) is forgotten", async () => {
    const alice = await api.user("alice");
    const subscription = await subscribe(alice);
    receiver.status = 410;
    await startWorker();
    const task = await createTask(alice, { title: "Call", reminders: [{ at: inSeconds(1) }] });
    await reminderOnceSet(alice, task.id, "sent_at");
    const left = await api.database.db
      .select()
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.endpoint, subscription.endpoint));
    expect(left).toEqual([]);
  });

  test("a failing push service (500) leaves the reminder unsent and its job waiting for a retry", async () => {
    const alice = await api.user("alice");
    await subscribe(alice);
    receiver.status = 500;
    await startWorker();
    const task = await createTask(alice, { title: "Call", reminders: [{ at: inSeconds(1) }] });
    await receiver.waitFor(1);
    let state = "";
    for (let tries = 0; tries < 50 && state !== "retry"; tries += 1) {
      const [job] = await api.database.db.select().from(jobs).where(eq(jobs.name, "reminders"));
      state = job?.state ?? "";
      await new Promise((wait) => setTimeout(wait, 100));
    }
    const stored = (await alice.get(`/api/tasks/${task.id}`)).body as TaskJson;
    expect([state, stored.reminders[0]?.sent_at]).toEqual(["retry", null]);
  });

  test("a reminder of a task completed before it goes off is not sent", async () => {
    const alice = await api.user("alice");
    await subscribe(alice);
    await startWorker();
    const done = await createTask(alice, {
      title: "Done early",
      reminders: [{ at: inSeconds(1) }],
    });
    await alice.patch(`/api/tasks/${done.id}/complete`, { is_completed: true });
    const other = await createTask(alice, {
      title: "Still open",
      reminders: [{ at: inSeconds(2) }],
    });
    const pushes = await receiver.waitFor(1);
    await new Promise((wait) => setTimeout(wait, 500));
    expect(pushes.map((push) => (push.message as { task_id: string }).task_id)).toEqual([other.id]);
  });

  test("each of the user's browsers gets the reminder; another user's do not", async () => {
    const [alice, bob] = [await api.user("alice"), await api.user("bob")];
    await subscribe(alice);
    await subscribe(alice);
    await subscribe(bob);
    await startWorker();
    await createTask(alice, { title: "Call", reminders: [{ at: inSeconds(1) }] });
    const pushes = await receiver.waitFor(2);
    await new Promise((wait) => setTimeout(wait, 1000));
    expect(pushes.length).toBe(2);
  });

  test("two workers on one database (two replicas) send each reminder once", async () => {
    const alice = await api.user("alice");
    await subscribe(alice);
    await startWorker();
    await startWorker();
    const at = inSeconds(1);
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        createTask(alice, { title: `Call ${n}`, reminders: [{ at }] }),
      ),
    );
    await receiver.waitFor(20);
    await new Promise((wait) => setTimeout(wait, 1500));
    const pushed = receiver.received.map((push) => (push.message as { task_id: string }).task_id);
    expect(pushed.sort()).toEqual(created.map((task) => task.id).sort());
  });

  test("after its last retry against a failing push service, the reminder shows failed_at, not sent_at", async () => {
    const alice = await api.user("alice");
    await subscribe(alice);
    receiver.status = 503;
    const task = await createTask(alice, { title: "Call", reminders: [{ at: inSeconds(1) }] });
    // The queue retries for an hour; this job has no retry left.
    await api.database.db
      .update(jobs)
      .set({ retryLimit: 0 })
      .where(sql`${jobs.data}->>'task_id' = ${task.id}`);
    await startWorker();
    const failed = await reminderOnceSet(alice, task.id, "failed_at");
    expect(failed.sent_at).toBeNull();
  });
});
