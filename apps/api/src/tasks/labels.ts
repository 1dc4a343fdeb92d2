import { and, arrayContains, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { tasks, trashedTasks } from "../db/schema.ts";
import { labelKey, storedLabels } from "./fields.ts";
import { touchedOf } from "./statements.ts";

/** The caller's labels, each with how many of their tasks carry it and how many are open. */
export type LabelSummary = { name: string; taskCount: number; openCount: number };

/** A label as the API answers it. */
export type LabelJson = { name: string; task_count: number; open_count: number };

export const toLabelJson = (label: LabelSummary): LabelJson => ({
  name: label.name,
  task_count: label.taskCount,
  open_count: label.openCount,
});

/**
 * The caller's labels sorted by key in code-point order. One key may be spelled differently on
 * different tasks; the summary names it by the first spelling in code-point order.
 */
export async function listLabels(db: Db, params: { userId: string }): Promise<LabelSummary[]> {
  return db
    .select({
      name: sql<string>`min(label.name collate "C")`,
      taskCount: sql<number>`count(*)::int`.mapWith(Number),
      openCount: sql<number>`(count(*) filter (where not ${tasks.isCompleted}))::int`.mapWith(
        Number,
      ),
    })
    .from(
      sql`${tasks} cross join lateral unnest(${tasks.labels}, ${tasks.labelKeys}) as label(name, key)`,
    )
    .where(eq(tasks.userId, params.userId))
    .groupBy(sql`label.key`)
    .orderBy(sql`label.key collate "C"`);
}

/** The live tasks and the trash: a label renamed or removed is so on both. */
type LabelledTable = typeof tasks | typeof trashedTasks;

type Carrying = { id: string; labels: string[]; labelKeys: string[] }[];

/**
 * Renames the label (any spelling of it) on every task of the caller that carries it, to `to`,
 * merging into the label of that name where a task has it too; `to` null removes it. Trashed tasks
 * change with them, so a restore never brings back a name the user has changed. How many live
 * tasks changed (0: the caller has no such label, and nothing changed). Each changed task gets a
 * new version.
 */
export async function relabelTasks(
  db: Db,
  params: { userId: string; label: string; to: string | null },
): Promise<number> {
  const key = labelKey(params.label.trim());
  return db.transaction(async (tx) => {
    // The trashed rows first: a restore locks its trashed row before the owner's event lock
    // (taken by tasks' trigger), and taking them in the same order never deadlocks with it.
    const trashed = await carrying(tx, trashedTasks, params.userId, key);
    const live = await carrying(tx, tasks, params.userId, key);
    if (live.length === 0) return 0;
    await relabel(tx, tasks, live, { ...params, key });
    await relabel(tx, trashedTasks, trashed, { ...params, key });
    return live.length;
  });
}

/** The caller's rows of `table` carrying label `key`, locked until the transaction ends. */
function carrying(tx: Db, table: LabelledTable, userId: string, key: string): Promise<Carrying> {
  return tx
    .select({ id: table.id, labels: table.labels, labelKeys: table.labelKeys })
    .from(table)
    .where(and(eq(table.userId, userId), arrayContains(table.labelKeys, [key])))
    .for("update");
}

async function relabel(
  tx: Db,
  table: LabelledTable,
  rows: Carrying,
  { userId, key, to }: { userId: string; key: string; to: string | null },
): Promise<void> {
  if (rows.length === 0) return;
  const changed = rows.map((task) => {
    const kept = task.labels.filter((_, i) => task.labelKeys[i] !== key);
    return { id: task.id, ...storedLabels(to === null ? kept : [to, ...kept]) };
  });
  await tx
    .update(table)
    .set({
      labels: sql`v.labels`,
      labelKeys: sql`v.label_keys`,
      updatedAt: touchedOf(table.updatedAt),
    })
    .from(
      sql`jsonb_to_recordset(${JSON.stringify(
        changed.map((task) => ({ id: task.id, labels: task.labels, label_keys: task.labelKeys })),
      )}::jsonb) as v(id uuid, labels text[], label_keys text[])`,
    )
    .where(and(eq(table.userId, userId), sql`${table.id} = v.id`));
}
