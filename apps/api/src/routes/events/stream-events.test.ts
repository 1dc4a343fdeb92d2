import { afterEach, describe, expect, test } from "vitest";
import { createTask, setupTestApi, type TaskJson } from "../../../test/harness.ts";
import { SseClient } from "../../../test/support/sse-client.ts";
import { tasks } from "../../db/schema.ts";

const api = setupTestApi({ heartbeatMs: 300 });
const open: SseClient[] = [];

afterEach(() => {
  for (const client of open.splice(0)) client.close();
});

/** A stream of this user's events, once it said it is ready. */
async function streamOf(token: string, headers: Record<string, string> = {}, url = api.app.url) {
  const client = await SseClient.open(`${url}/api/events`, token, headers);
  open.push(client);
  if (client.status === 200) await client.until((c) => c.of("ready").length === 1);
  return client;
}

const tokenOf = (user: { id: string }) => api.tokenFor(user.id);

describe("GET /api/events", () => {
  test("a created task arrives as task.created with the task's JSON and an id", async () => {
    const alice = await api.user("alice");
    const stream = await streamOf(await tokenOf(alice));
    const task = await createTask(alice, { title: "Live" });
    await stream.until((c) => c.of("task.created").length === 1);
    const [event] = stream.of("task.created");
    expect([JSON.parse(event?.data ?? ""), /^\d+$/.test(event?.id ?? "")]).toEqual([task, true]);
  });

  test("an update arrives as task.updated with the task as it is now", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, { title: "Live" });
    const stream = await streamOf(await tokenOf(alice));
    const done = (await alice.patch(`/api/tasks/${task.id}/complete`)).body as TaskJson;
    await stream.until((c) => c.of("task.updated").length === 1);
    expect(JSON.parse(stream.of("task.updated")[0]?.data ?? "")).toEqual(done);
  });

  test("a deletion arrives as task.deleted with only the id", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, { title: "Live" });
    const stream = await streamOf(await tokenOf(alice));
    await alice.delete(`/api/tasks/${task.id}`);
    await stream.until((c) => c.of("task.deleted").length === 1);
    expect(JSON.parse(stream.of("task.deleted")[0]?.data ?? "")).toEqual({ id: task.id });
  });

  test("a label appearing arrives as labels.changed with the user's labels", async () => {
    const alice = await api.user("alice");
    const stream = await streamOf(await tokenOf(alice));
    await createTask(alice, { title: "Labelled", labels: ["home"] });
    await stream.until((c) => c.of("labels.changed").length === 1);
    expect(JSON.parse(stream.of("labels.changed")[0]?.data ?? "")).toEqual([
      { name: "home", task_count: 1, open_count: 1 },
    ]);
  });

  test("completing a labelled task arrives as labels.changed too: its labels' open counts moved", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, { title: "Labelled", labels: ["home"] });
    const stream = await streamOf(await tokenOf(alice));
    await alice.patch(`/api/tasks/${task.id}/complete`);
    await stream.until((c) => c.of("labels.changed").length === 1);
    expect(JSON.parse(stream.of("labels.changed")[0]?.data ?? "")).toEqual([
      { name: "home", task_count: 1, open_count: 0 },
    ]);
  });

  test("another user's changes never appear on my stream", async () => {
    const [alice, bob] = [await api.user("alice"), await api.user("bob")];
    const stream = await streamOf(await tokenOf(alice));
    await createTask(bob, { title: "Bob's", labels: ["secret"] });
    const mine = await createTask(alice, { title: "Mine" });
    await stream.until((c) => c.of("task.created").length === 1);
    expect(stream.events.filter((e) => e.event !== "ready").map((e) => e.data)).toEqual([
      JSON.stringify(mine),
    ]);
  });

  test("a change made through another replica reaches a stream held by this one", async () => {
    const alice = await api.user("alice");
    const other = await api.startApp();
    const stream = await streamOf(await tokenOf(alice));
    const created = await other
      .client(await tokenOf(alice))
      .post("/api/tasks", { title: "Elsewhere" });
    await stream.until((c) => c.of("task.created").length === 1);
    expect(JSON.parse(stream.of("task.created")[0]?.data ?? "")).toEqual(created.body);
  });

  test("a change no writer announced (made in the database directly) still arrives", async () => {
    const alice = await api.user("alice");
    const stream = await streamOf(await tokenOf(alice));
    const [row] = await api.database.db
      .insert(tasks)
      .values({ userId: alice.id, title: "Straight into the database" })
      .returning({ id: tasks.id });
    await stream.until((c) => c.of("task.created").length === 1);
    expect(JSON.parse(stream.of("task.created")[0]?.data ?? "").id).toBe(row?.id);
  });

  test("one user's concurrent writes through two replicas each arrive once, in id order", async () => {
    const alice = await api.user("alice");
    const other = await api.startApp();
    const token = await tokenOf(alice);
    const stream = await streamOf(token);
    const clients = [api.app.client(token), other.client(token)];
    const created = await Promise.all(
      Array.from({ length: 40 }, (_, n) =>
        clients[n % 2]?.post("/api/tasks", { title: `Concurrent ${n}` }),
      ),
    );
    // One more afterwards: once it arrived, so has everything before it.
    await createTask(alice, { title: "After them" });
    await stream.until((c) => c.of("task.created").length >= 41);
    const arrived = stream.of("task.created").slice(0, -1);
    const ids = arrived.map((e) => Number(e.id));
    expect([
      new Set(arrived.map((e) => JSON.parse(e.data).id)).size,
      arrived.length,
      ids.every((id, i) => i === 0 || id > (ids[i - 1] ?? 0)),
      created.every((answer) => answer?.status === 201),
    ]).toEqual([40, 40, true, true]);
  });

  test("reconnecting with Last-Event-ID sends what was missed, in order", async () => {
    const alice = await api.user("alice");
    const first = await streamOf(await tokenOf(alice));
    await createTask(alice, { title: "Seen" });
    await first.until((c) => c.of("task.created").length === 1);
    first.close();
    const missedOne = await createTask(alice, { title: "Missed 1" });
    const missedTwo = await createTask(alice, { title: "Missed 2" });
    const again = await streamOf(await tokenOf(alice), {
      "last-event-id": first.of("task.created")[0]?.id ?? "",
    });
    await again.until((c) => c.of("task.created").length === 2);
    expect(again.of("task.created").map((e) => JSON.parse(e.data).id)).toEqual([
      missedOne.id,
      missedTwo.id,
    ]);
  });

  test("a Last-Event-ID the server no longer has (or never sent this user) gets resync", async () => {
    const alice = await api.user("alice");
    const stream = await streamOf(await tokenOf(alice), { "last-event-id": "999999999" });
    await stream.until((c) => c.of("resync").length === 1);
    expect(stream.of("resync")).toEqual([{ event: "resync", id: undefined, data: "{}" }]);
  });

  test("a Last-Event-ID that is not an event id is a 422", async () => {
    const alice = await api.user("alice");
    const stream = await streamOf(await tokenOf(alice), { "last-event-id": "abc" });
    expect(stream.status).toBe(422);
  });

  test("a sixth stream of one user is refused with 429 and Retry-After", async () => {
    const alice = await api.user("alice");
    const token = await tokenOf(alice);
    for (let n = 0; n < 5; n += 1) await streamOf(token);
    const sixth = await streamOf(token);
    expect([sixth.status, sixth.retryAfter, sixth.refusal]).toEqual([
      429,
      "30",
      {
        detail:
          "Too many open event streams: at most 5 per user; close one (another tab) and retry",
      },
    ]);
  });

  test("a quiet stream gets heartbeat comments", async () => {
    const alice = await api.user("alice");
    const stream = await streamOf(await tokenOf(alice));
    await stream.until((c) => c.heartbeats >= 2);
    expect(stream.heartbeats).toBeGreaterThanOrEqual(2);
  });

  test("when the token expires the stream ends with token-expired", async () => {
    const alice = await api.user("alice");
    const token = await api.tokenFor(alice.id, { expiresIn: 2 });
    const stream = await streamOf(token);
    await stream.until((c) => c.ended, 8000);
    expect(stream.events.at(-1)?.event).toBe("token-expired");
  });

  test("without a token: 401", async () => {
    const stream = await SseClient.open(`${api.app.url}/api/events`, "");
    expect(stream.status).toBe(401);
  });

  test("a process that holds its most streams refuses another with 503 and Retry-After", async () => {
    const small = await api.startApp({ maxStreams: 2 });
    const [a, b, c] = [await api.user("a"), await api.user("b"), await api.user("c")];
    await streamOf(await tokenOf(a), {}, small.url);
    await streamOf(await tokenOf(b), {}, small.url);
    const third = await streamOf(await tokenOf(c), {}, small.url);
    expect([third.status, third.retryAfter, third.refusal]).toEqual([
      503,
      "5",
      { detail: "This server holds as many event streams as it can; retry shortly" },
    ]);
  });

  test("a stream that falls too far behind is told to resync and dropped", async () => {
    const small = await api.startApp({ maxQueued: 3 });
    const alice = await api.user("alice");
    for (let n = 0; n < 6; n += 1)
      await createTask(alice, { title: `Work ${n}`, labels: ["work"] });
    const stream = await streamOf(await tokenOf(alice), {}, small.url);
    // One statement renames the label on six tasks: seven events at once, more than 3 queued.
    await alice.patch("/api/labels/work", { name: "job" });
    await stream.until((c) => c.ended);
    expect(stream.events.at(-1)?.event).toBe("resync");
  });
});
