import { z } from "@hono/zod-openapi";
import { type Cursor, decodeCursor } from "../../tasks/cursor.ts";
import { labelKey, PRIORITIES, type Priority } from "../../tasks/fields.ts";
import { cursorFits } from "../../tasks/list-page.ts";
import { DUE_FILTERS, type ListQuery, SORTS, TASK_STATUSES } from "../../tasks/list-query.ts";
import { TRASH_DAYS } from "../../tasks/trash.ts";
import { trashCursorFits } from "../../tasks/trash-page.ts";
import { calendarDate, ianaTimeZone, label } from "./task.types.ts";

/** `GET /api/tasks`'s query: paging, filters and sort, each checked, as a `ListQuery`. */

export const LIMIT_DEFAULT = 50;
export const LIMIT_MAX = 200;
export const SEARCH_MAX = 200;

const invalid = (ctx: z.RefinementCtx, message: string) => {
  ctx.addIssue({ code: "custom", message, params: { type: "value_error" } });
  return z.NEVER;
};

/** A comma-separated list whose every item `read` accepts. */
const commaList = <T>(read: (item: string) => T | undefined, what: string) =>
  z.string().transform((value, ctx): T[] => {
    const items = value.split(",").map(read);
    if (items.some((item) => item === undefined)) return invalid(ctx, what);
    return items as T[];
  });

const isPriority = (value: string): value is Priority =>
  (PRIORITIES as readonly string[]).includes(value);

/** `true` or `false` (default), as a boolean. */
export const booleanParam = z
  .enum(["true", "false"])
  .default("false")
  .transform((value) => value === "true");

const query = <T extends z.ZodType>(
  schema: T,
  name: string,
  description: string,
  example: unknown,
) => schema.openapi({ param: { name, in: "query" }, description, example });

export const ListTasksQuerySchema = z
  .object({
    limit: query(
      z.coerce.number().int().min(1).max(LIMIT_MAX).default(LIMIT_DEFAULT),
      "limit",
      `How many tasks per page (1–${LIMIT_MAX}).`,
      20,
    ),
    cursor: query(
      z
        .string()
        .optional()
        .transform((value, ctx): Cursor | undefined => {
          if (value === undefined) return undefined;
          return (
            decodeCursor(value) ??
            invalid(ctx, "Invalid cursor: use the one from the previous page's Link header")
          );
        }),
      "cursor",
      'Opaque position from the `Link: <…>; rel="next"` header of the previous page, valid only with the same filters and sort. Omit for the first page.',
      "eyJrIjpudWxsLCJ0IjoiMjAyNi0xMS0yM1QwOTozMDowMC4wMDBaIn0",
    ),
    status: query(
      z.enum(TASK_STATUSES).default("all"),
      "status",
      "Which tasks: all, pending (not completed) or completed.",
      "pending",
    ),
    priority: query(
      commaList(
        (item) => (isPriority(item) ? item : undefined),
        "Input should be a comma-separated list of none, low, medium, high",
      ).optional(),
      "priority",
      "Tasks with any of these priorities (comma-separated).",
      "high,medium",
    ),
    label: query(
      commaList((item) => {
        const parsed = label.safeParse(item);
        return parsed.success ? labelKey(parsed.data) : undefined;
      }, "Input should be a comma-separated list of labels").optional(),
      "label",
      "Tasks carrying every one of these labels (comma-separated, ignoring case).",
      "work,urgent",
    ),
    due: query(
      z.enum(DUE_FILTERS).optional(),
      "due",
      "`overdue`: not completed and `due_at` passed; `today`/`tomorrow`: `due_date` is that day in `tz`; `week`: `due_date` from today through today + 6 in `tz`; `none`/`any`: without/with a due date.",
      "today",
    ),
    tz: query(
      ianaTimeZone.default("UTC"),
      "tz",
      "Whose today `due` means: an IANA time zone.",
      "Europe/Berlin",
    ),
    due_before: query(
      calendarDate.optional(),
      "due_before",
      "Tasks due on or before this day (`YYYY-MM-DD`).",
      "2026-12-31",
    ),
    due_after: query(
      calendarDate.optional(),
      "due_after",
      "Tasks due on or after this day (`YYYY-MM-DD`).",
      "2026-12-01",
    ),
    recurring: query(
      z
        .enum(["true", "false"])
        .transform((value) => value === "true")
        .optional(),
      "recurring",
      "`true`: only tasks that repeat (with a `recurrence`); `false`: only those that do not.",
      "true",
    ),
    q: query(
      z.string().trim().min(1).max(SEARCH_MAX).optional(),
      "q",
      `Search title and description (1–${SEARCH_MAX} characters): ignoring case and accents, in any word form, as a substring, and despite small typos.`,
      "groceries",
    ),
    trashed: query(
      booleanParam,
      "trashed",
      `\`true\`: the tasks in the trash instead, newest deletion first (each with its \`deleted_at\`; gone ${TRASH_DAYS} days after it). Takes no filter or \`sort\` (422).`,
      "true",
    ),
    sort: query(
      z.enum(SORTS).optional(),
      "sort",
      "The order: a field, `-` first for descending, ties by -created_at then -id; tasks without `due_at` last either way. `relevance` (only with `q`, its default) puts the best matches first. Default: -created_at.",
      "-priority",
    ),
  })
  .superRefine((value, ctx) => {
    if (value.trashed) {
      refuseFiltersOfTrash(value, ctx);
      return;
    }
    if (value.sort === "relevance" && value.q === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["sort"],
        message: "sort=relevance needs a search (q)",
        params: { type: "value_error" },
      });
    } else if (value.cursor !== undefined && !cursorFits(listQuery(value), value.cursor)) {
      ctx.addIssue({
        code: "custom",
        path: ["cursor"],
        message: "This cursor belongs to a list with other filters or another sort",
        params: { type: "value_error" },
      });
    }
  });

export type ListTasksQuery = z.infer<typeof ListTasksQuerySchema>;

/** The filters and the sort of the other lists: the trash has none of them. */
const NOT_IN_TRASH = ["priority", "label", "due", "due_before", "due_after", "q", "sort"] as const;

function refuseFiltersOfTrash(value: ListTasksQuery, ctx: z.RefinementCtx) {
  const given = [
    ...NOT_IN_TRASH.filter((name) => value[name] !== undefined),
    ...(value.status === "all" ? [] : ["status" as const]),
  ];
  for (const name of given) {
    ctx.addIssue({
      code: "custom",
      path: [name],
      message: `${name} cannot be combined with trashed=true`,
      params: { type: "value_error" },
    });
  }
  if (value.cursor !== undefined && !trashCursorFits(value.cursor)) {
    ctx.addIssue({
      code: "custom",
      path: ["cursor"],
      message: "This cursor belongs to a list with other filters or another sort",
      params: { type: "value_error" },
    });
  }
}

/** The list the query asks for, its defaults filled in. */
export function listQuery(value: ListTasksQuery): ListQuery {
  return {
    status: value.status,
    priorities: value.priority,
    labelKeys: value.label,
    due: value.due,
    timeZone: value.tz,
    dueBefore: value.due_before,
    dueAfter: value.due_after,
    recurring: value.recurring,
    q: value.q,
    sort: value.sort ?? (value.q === undefined ? "-created_at" : "relevance"),
  };
}
