import { ApiError } from "../lib/errors.ts";
import { ImportFileError, type ImportResult } from "./import-result.ts";
import { parseTasklineJson } from "./taskline-json.ts";
import { parseTodoistCsv } from "./todoist-csv.ts";

export const IMPORT_FORMATS = ["taskline-json", "todoist-csv"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * A file to import as its format and tasks. `declared`: the format its content type names, if it
 * names one (a file in a form is recognised by its first character: `{` for our JSON). A file
 * that cannot be read is a 422 saying why.
 */
export function readImport(
  text: string,
  declared: ImportFormat | undefined,
  options: { timeZone: string },
): { format: ImportFormat; result: ImportResult } {
  const content = text.replace(/^\uFEFF/, "");
  if (content.trim() === "") throw new ApiError(422, "The file is empty");
  const format =
    declared ?? (content.trimStart().startsWith("{") ? "taskline-json" : "todoist-csv");
  try {
    const result =
      format === "taskline-json" ? parseTasklineJson(content) : parseTodoistCsv(content, options);
    return { format, result };
  } catch (error) {
    if (error instanceof ImportFileError) throw new ApiError(422, error.message);
    throw error;
  }
}
