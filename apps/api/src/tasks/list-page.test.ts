import { describe, expect, test } from "vitest";
import { createTask, setupTestApi, type TaskJson } from "../../test/harness.ts";
import { listTaskPage, type TaskPage } from "./list-page.ts";
import { queryFingerprint } from "./list-query.ts";

const json = (page: TaskPage | undefined) =>
  page === undefined ? undefined : (JSON.parse(page.json) as TaskJson[]);

const api = setupTestApi();

/** The list's order: newest first, ties broken by id. */
const newestFirst = (tasks: TaskJson[]) =>
  [...tasks].sort((a, b) => b.created_at.localeCompare(a.created_at) || (a.id < b.id ? 1 : -1));

describe("listTaskPage", () => {
  test("concurrent calls each get a page holding only their owner's tasks", async () => {
    const users = await Promise.all(Array.from({ length: 8 }, (_, i) => api.user(`user${i}`)));
    const own: TaskJson[][] = [];
    for (const [i, user] of users.entries()) {
      const created: TaskJson[] = [];
      for (let n = 0; n <= i % 3; n += 1) created.push(await createTask(user, { title: `t${n}` }));
      own.push(newestFirst(created));
    }
    const db = api.database.db;
    const pages = await Promise.all(
      users.flatMap((user) => [
        listTaskPage(db, { userId: user.id, status: "all", limit: 50 }),
        listTaskPage(db, { userId: user.id, status: "all", limit: 1 }),
      ]),
    );
    for (const [i] of users.entries()) {
      const expected = own[i] ?? [];
      const [all, first] = [pages[i * 2], pages[i * 2 + 1]];
      expect(json(all)).toEqual(expected);
      expect(all?.total).toBe(expected.length);
      expect(all?.next).toBeUndefined();
      expect(json(first)).toEqual(expected.slice(0, 1));
      expect(first?.next?.id).toBe(expected.length > 1 ? expected[0]?.id : undefined);
    }
  });

  test("a first page counts its tasks whether they all fit on it or not", async () => {
    const alice = await api.user("alice");
    const created: TaskJson[] = [];
    for (let n = 0; n < 4; n += 1) created.push(await createTask(alice, { title: `t${n}` }));
    await alice.patch(`/api/tasks/${created[0]?.id}/complete`);
    const db = api.database.db;
    const totals = async (status: "all" | "pending" | "completed") =>
      (
        await Promise.all(
          [1, 2, 3, 4, 5].map((limit) => listTaskPage(db, { userId: alice.id, status, limit })),
        )
      ).map((page) => page.total);
    // Limits below, at and above each count: the page's own count, or the separate one.
    expect(await totals("all")).toEqual([4, 4, 4, 4, 4]);
    expect(await totals("pending")).toEqual([3, 3, 3, 3, 3]);
    expect(await totals("completed")).toEqual([1, 1, 1, 1, 1]);
  });

  test("concurrent pages after a cursor continue each owner's own list", async () => {
    const alice = await api.user("alice");
    const bob = await api.user("bob");
    const mine = newestFirst([
      await createTask(alice, { title: "a1" }),
      await createTask(alice, { title: "a2" }),
    ]);
    const theirs = newestFirst([
      await createTask(bob, { title: "b1" }),
      await createTask(bob, { title: "b2" }),
    ]);
    const db = api.database.db;
    const after = (task: TaskJson | undefined) => ({
      key: null,
      createdAt: new Date(task?.created_at ?? ""),
      id: task?.id ?? "",
      query: queryFingerprint({ status: "all" }),
    });
    const [alicePage, bobPage] = await Promise.all([
      listTaskPage(db, { userId: alice.id, status: "all", limit: 5, after: after(mine[0]) }),
      listTaskPage(db, { userId: bob.id, status: "all", limit: 5, after: after(theirs[0]) }),
    ]);
    expect(json(alicePage)).toEqual([mine[1]]);
    expect(json(bobPage)).toEqual([theirs[1]]);
  });
});
