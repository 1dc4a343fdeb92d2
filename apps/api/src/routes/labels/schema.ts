import { z } from "@hono/zod-openapi";
import { errorResponses, RATE_LIMIT_HEADERS } from "../../lib/openapi.ts";
import { label, storable } from "../tasks/task.types.ts";

/** The label routes' schemas. */

export const LabelSchema = z
  .object({
    name: z.string().openapi({ description: "The label.", example: "work" }),
    task_count: z
      .number()
      .int()
      .openapi({ description: "How many of the caller's tasks carry it.", example: 12 }),
    open_count: z
      .number()
      .int()
      .openapi({ description: "How many of those are not completed.", example: 5 }),
  })
  .openapi("Label", { description: "One of the caller's labels." });

export const LabelNameParamsSchema = z.object({
  name: storable(z.string()).openapi({
    param: { name: "name", in: "path" },
    description: "The label, in any spelling (labels ignore case).",
    example: "work",
  }),
});

export const LabelRenameSchema = z
  .object({ name: label.openapi({ description: "The label's new name.", example: "job" }) })
  .openapi("LabelRename", {
    description:
      "The new name, with the rules of a task's labels. Where a task already carries a label of that name (ignoring case), the two merge.",
  });

export const labelNotFound = {
  404: {
    description: "The caller has no task with this label.",
    content: errorResponses(404)[404].content,
  },
};

export const LABEL_ERRORS = errorResponses(401, 429, 503);
export { RATE_LIMIT_HEADERS };
