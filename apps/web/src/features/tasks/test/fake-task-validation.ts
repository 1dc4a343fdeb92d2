const TITLE_MAX = 255;
const DESCRIPTION_MAX = 10_000;

/** Characters as the API counts them (code points). */
const chars = (text: string) => [...text].length;

export interface ValidationIssue {
  loc: string[];
  msg: string;
  type: string;
}

/** FastAPI-style issues for a create/update body; empty when it is valid. */
export function validate(body: Record<string, unknown>, titleRequired: boolean): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const { title, description } = body;
  if (title === undefined && titleRequired) {
    issues.push({ loc: ["body", "title"], msg: "Field required", type: "missing" });
  } else if (title !== undefined) {
    const trimmed = typeof title === "string" ? title.trim() : "";
    if (chars(trimmed) < 1) {
      issues.push({
        loc: ["body", "title"],
        msg: "String should have at least 1 character",
        type: "string_too_short",
      });
    } else if (chars(trimmed) > TITLE_MAX) {
      issues.push({
        loc: ["body", "title"],
        msg: `String should have at most ${TITLE_MAX} characters`,
        type: "string_too_long",
      });
    }
  }
  if (typeof description === "string" && chars(description) > DESCRIPTION_MAX) {
    issues.push({
      loc: ["body", "description"],
      msg: `String should have at most ${DESCRIPTION_MAX} characters`,
      type: "string_too_long",
    });
  }
  return issues;
}
