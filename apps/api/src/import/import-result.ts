import type { z } from "@hono/zod-openapi";
import { type TaskBody, TaskCreateSchema } from "../routes/tasks/task-body.types.ts";

/** A task as an import would create it: a create's fields, and whether it is done. */
export type ImportedTask = TaskBody & { is_completed: boolean };

/** A row of the file that creates nothing, and why (rows count from 1, a CSV's header aside). */
export type SkippedRow = { row: number; reason: string };

/** What a parser makes of a file: the tasks to create and the rows it leaves out. */
export type ImportResult = { tasks: ImportedTask[]; skipped: SkippedRow[] };

/** A file that cannot be imported at all (a 422 naming what is wrong). */
export class ImportFileError extends Error {}

/** The first issue of a failed create, in words: `title: String should have at most 255 characters`. */
const issueText = (error: z.ZodError) => {
  const [issue] = error.issues;
  if (!issue) return "Invalid task";
  const field = issue.path.join(".");
  return field === "" ? issue.message : `${field}: ${issue.message}`;
};

/**
 * Checks one task's fields by the create's rules (TaskCreateSchema, so they are defined once):
 * the task as created, or the reason it is skipped.
 */
export function checkedTask(
  fields: Record<string, unknown>,
  isCompleted: boolean,
): { task: ImportedTask } | { reason: string } {
  const parsed = TaskCreateSchema.safeParse(fields);
  if (!parsed.success) return { reason: issueText(parsed.error) };
  return { task: { ...parsed.data, is_completed: isCompleted } };
}
