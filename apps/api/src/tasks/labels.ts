import { and, arrayContains, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { tasks } from "../db/schema.ts";
import { labelKey, storedLabels } from "./fields.ts";
import { touched } from "./statements.ts";

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
 * Renames the label (any spelling of it) on every task of the caller that carries it, to `to`,
 * merging into the label of that name where a task has it too; `to` null removes it. How many
 * tasks changed (0: the caller has no such label). Each changed task gets a new version.
 */
export async function relabelTasks(
  db: Db,
  params: { userId: string; label: string; to: string | null },
): Promise<number> {
  const { userId, to } = params;
  const key = labelKey(params.label.trim());
  return db.transaction(async (tx) => {
    const carrying = await tx
      .select({ id: tasks.id, labels: tasks.labels, labelKeys: tasks.labelKeys })
      .from(tasks)
      .where(and(eq(tasks.userId, userId), arrayContains(tasks.labelKeys, [key])))
      .for("update");
    if (carrying.length === 0) return 0;
    const changed = carrying.map((task) => {
      const kept = task.labels.filter((_, i) => task.labelKeys[i] !== key);
      return { id: task.id, ...storedLabels(to === null ? kept : [to, ...kept]) };
    });
    await tx
      .update(tasks)
      .set({ labels: sql`v.labels`, labelKeys: sql`v.label_keys`, updatedAt: touched })
      .from(
        sql`jsonb_to_recordset(${JSON.stringify(
          changed.map((task) => ({ id: task.id, labels: task.labels, label_keys: task.labelKeys })),
        )}::jsonb) as v(id uuid, labels text[], label_keys text[])`,
      )
      .where(and(eq(tasks.userId, userId), sql`${tasks.id} = v.id`));
    return changed.length;
  });
}
