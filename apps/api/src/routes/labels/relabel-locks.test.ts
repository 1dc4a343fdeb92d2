import postgres from "postgres";
import { describe, expect, test } from "vitest";
import { createTask, setupTestApi, type TaskJson } from "../../../test/harness.ts";
import { lockWaiter } from "../../../test/support/lock-waiter.ts";

// Concurrent transactions need a Postgres server (PGlite has one connection).
const api = setupTestApi({ onServer: true });

describe("renaming a label while a task carrying it is restored", () => {
  test("both finish (no deadlock), and the restored task carries the new name", async () => {
    const alice = await api.user("alice");
    await createTask(alice, { title: "live", labels: ["job"] });
    const trashed = await createTask(alice, { title: "trashed", labels: ["job"] });
    expect((await alice.delete(`/api/tasks/${trashed.id}`)).status).toBe(204);
    const url = api.databaseUrl;
    if (url === undefined) throw new Error("needs a Postgres server");
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    const watcher = postgres(url, { max: 1, onnotice: () => {} });
    try {
      let rename: ReturnType<typeof alice.patch> | undefined;
      // A restore's two steps, held apart: its trashed row is taken, then the task goes back
      // among the live ones (whose trigger takes the owner's event lock).
      await sql.begin(async (tx) => {
        await tx`delete from trashed_tasks where id = ${trashed.id}`;
        rename = alice.patch("/api/labels/job", { name: "Work" });
        await lockWaiter(watcher);
        await tx`insert into tasks (id, user_id, title, labels, label_keys)
          values (${trashed.id}, ${alice.id}, 'trashed', ${["job"]}, ${["job"]})`;
      });
      expect((await rename)?.status).toBe(204);
    } finally {
      await sql.end();
      await watcher.end();
    }
    const restored = (await alice.get(`/api/tasks/${trashed.id}`)).body as TaskJson;
    expect(restored.labels).toEqual(["Work"]);
  });
});
