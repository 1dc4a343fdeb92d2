import { eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { createTask, setupTestApi } from "../../test/harness.ts";
import { tasks, trashedTasks } from "../db/schema.ts";
import { TaskSchema } from "../routes/tasks/task.types.ts";
import { taskJsonSql, toTaskJson, trashedTaskJsonSql } from "./task-json.ts";

const api = setupTestApi();

/** Bodies that reach every kind of value each field can hold. */
const BODIES: Record<string, unknown>[] = [
  { title: "Plain" },
  {
    title: 'Quotes " and \\ backslash, tab\t, emoji 🎉 and ünïcödé',
    description: "Line one\nline two — «done»",
    priority: "high",
    due_date: "2027-03-14",
    due_time: "02:30",
    time_zone: "America/New_York",
    labels: ["Work", "ärger", "home"],
  },
  { title: "All day", priority: "low", due_date: "2026-12-31", labels: [] },
  {
    title: "Medium in Sydney",
    priority: "medium",
    due_date: "2027-04-04",
    due_time: "23:59",
    time_zone: "Australia/Sydney",
  },
];

describe("a task's JSON", () => {
  test("Postgres' text is byte for byte JSON.stringify(toTaskJson(row)), for every kind of value", async () => {
    const rows = await storedRows();
    expect(rows.map(({ json }) => json)).toEqual(
      rows.map(({ row }) => JSON.stringify(toTaskJson(row))),
    );
  });

  test("in the trash too: Postgres' text is JSON.stringify(toTaskJson(row)), with deleted_at", async () => {
    const user = await api.user();
    for (const body of BODIES) {
      await user.delete(`/api/tasks/${(await createTask(user, body)).id}`);
    }
    const rows = await api.database.db
      .select({ row: trashedTasks, json: sql<string>`${trashedTaskJsonSql}` })
      .from(trashedTasks)
      .where(eq(trashedTasks.userId, user.id));
    expect(rows.map(({ json }) => json)).toEqual(
      rows.map(({ row }) => JSON.stringify(toTaskJson(row))),
    );
    expect(rows.map(({ row }) => toTaskJson(row).deleted_at)).toEqual(
      rows.map(({ row }) => row.deletedAt.toISOString()),
    );
  });

  test("holds every field of the Task schema, in its order", async () => {
    const [first] = await storedRows();
    expect(first && Object.keys(toTaskJson(first.row))).toEqual(Object.keys(TaskSchema.shape));
  });
});

/** A user's tasks made from BODIES (and one completed), each with Postgres' JSON text. */
async function storedRows() {
  const user = await api.user();
  for (const body of BODIES) await createTask(user, body);
  await user.patch(`/api/tasks/${(await createTask(user, { title: "Done" })).id}/complete`);
  return api.database.db
    .select({ row: tasks, json: sql<string>`${taskJsonSql}` })
    .from(tasks)
    .where(eq(tasks.userId, user.id));
}
