import { describe, expect, test } from "vitest";
import { setupTestApi, trashTask } from "../../test/harness.ts";
import { createLogger } from "../lib/logger.ts";
import { purgeExpiredTrash, purgeExpiredTrashRegularly } from "./trash.ts";

const api = setupTestApi();

/** `n` of the user's tasks in the trash, deleted `days` days ago; their ids. */
async function trashed(user: Awaited<ReturnType<typeof api.user>>, n: number, days: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const task = await trashTask(user, { title: `Deleted ${days} days ago` });
    await api.ageTrashedTask(task.id, days);
    ids.push(task.id);
  }
  return ids;
}

const stillTrashed = async (ids: string[]) =>
  (await Promise.all(ids.map((id) => api.storedTrashedTask(id)))).filter(Boolean).length;

describe("purging the trash", () => {
  test("deletes every user's trashed tasks older than 30 days, and only those", async () => {
    const alice = await api.user("alice");
    const bob = await api.user("bob");
    const old = [...(await trashed(alice, 2, 31)), ...(await trashed(bob, 1, 45))];
    const recent = [...(await trashed(alice, 1, 29)), ...(await trashed(bob, 1, 0))];
    const deleted = await purgeExpiredTrash(api.database.db);
    expect({ deleted, old: await stillTrashed(old), recent: await stillTrashed(recent) }).toEqual({
      deleted: 3,
      old: 0,
      recent: 2,
    });
  });

  test("works through a backlog in batches until one is not full", async () => {
    const alice = await api.user("alice");
    const old = await trashed(alice, 5, 40);
    const deleted = await purgeExpiredTrash(api.database.db, { batch: 2 });
    expect([deleted, await stillTrashed(old)]).toEqual([5, 0]);
  });

  test("stops after the batch under way when asked to", async () => {
    const alice = await api.user("alice");
    const old = await trashed(alice, 5, 40);
    const deleted = await purgeExpiredTrash(api.database.db, { batch: 2, stopped: () => true });
    expect([deleted, await stillTrashed(old)]).toEqual([2, 3]);
  });

  test("two purges at once (on two connections, as replicas would) delete each task once", async () => {
    const alice = await api.user("alice");
    const old = await trashed(alice, 6, 40);
    const [a, b] = await Promise.all([
      purgeExpiredTrash(api.database.db, { batch: 2 }),
      purgeExpiredTrash(api.database.db, { batch: 2 }),
    ]);
    expect([a + b, await stillTrashed(old)]).toEqual([6, 0]);
  });

  test("the regular purge runs, logs only how many went, and stops", async () => {
    const alice = await api.user("alice");
    const old = await trashed(alice, 2, 31);
    const lines: string[] = [];
    const logger = createLogger("info", { write: (line: string) => void lines.push(line) });
    const stop = purgeExpiredTrashRegularly(api.database.db, logger, { firstMs: 0 });
    await expect.poll(() => stillTrashed(old), { timeout: 5_000 }).toBe(0);
    await stop();
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged.map(({ msg, deleted }) => ({ msg, deleted }))).toEqual([
      { msg: "trashed tasks older than 30 days deleted", deleted: 2 },
    ]);
  });
});
