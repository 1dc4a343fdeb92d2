import { and, arrayContains, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { tasks, trashedTasks } from "../db/schema.ts";
import { labelKey, storedLabels } from "./fields.ts";

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

/**
 * The live tasks and the trash: a label renamed or removed is so on both, so a restore never
 * brings back a name the user has changed.
 */
type LabelledTable = typeof tasks | typeof trashedTasks;

/**
 * Renames the label (any spelling of it) on every task of the caller that carries it, to `to`,
 * merging into the label of that name where a task has it too; `to` null removes it. Trashed tasks
 * change with them. How many live tasks changed (0: the caller has no such label, and nothing
 * changed). Each changed task gets a new version.
 */
export async function relabelTasks(
  db: Db,
  params: { userId: string; label: string; to: string | null },
): Promise<number> {
  const key = labelKey(params.label.trim());
  return db.transaction(async (tx) => {
    const live = await relabelIn(tx, tasks, { ...params, key });
    if (live > 0) await relabelIn(tx, trashedTasks, { ...params, key });
    return live;
  });
}

async function relabelIn(
  tx: Db,
  table: LabelledTable,
  { userId, key, to }: { userId: string; key: string; to: string | null },
): Promise<number> {
  const carrying = await tx
    .select({ id: table.id, labels: table.labels, labelKeys: table.labelKeys })
    .from(table)
    .where(and(eq(table.userId, userId), arrayContains(table.labelKeys, [key])))
    .for("update");
  if (carrying.length === 0) return 0;
  const changed = carrying.map((task) => {
    const kept = task.labels.filter((_, i) => task.labelKeys[i] !== key);
    return { id: task.id, ...storedLabels(to === null ? kept : [to, ...kept]) };
  });
  await tx
    .update(table)
    .set({
      labels: sql`v.labels`,
      labelKeys: sql`v.label_keys`,
      updatedAt: sql`greatest(now(), ${table.updatedAt} + interval '1 millisecond')`,
    })
    .from(
      sql`jsonb_to_recordset(${JSON.stringify(
        changed.map((task) => ({ id: task.id, labels: task.labels, label_keys: task.labelKeys })),
      )}::jsonb) as v(id uuid, labels text[], label_keys text[])`,
    )
    .where(and(eq(table.userId, userId), sql`${table.id} = v.id`));
  return changed.length;
}
