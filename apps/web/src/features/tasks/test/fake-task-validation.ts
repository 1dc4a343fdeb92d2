const TITLE_MAX = 255;
const DESCRIPTION_MAX = 10_000;
const LABEL_MAX = 50;
const LABELS_MAX = 20;
const PRIORITIES = ["none", "low", "medium", "high"];

/** Characters as the API counts them (code points). */
const chars = (text: string) => [...text].length;

export interface ValidationIssue {
  loc: string[];
  msg: string;
  type: string;
}

const issue = (field: string, msg: string, type = "value_error"): ValidationIssue => ({
  loc: ["body", field],
  msg,
  type,
});

/** What is wrong with one label (the API's rules), or null. */
export function labelIssue(value: unknown, loc: string[]): ValidationIssue | null {
  if (typeof value !== "string")
    return { loc, msg: "Input should be a valid string", type: "string_type" };
  const label = value.trim();
  if (chars(label) < 1) {
    return { loc, msg: "String should have at least 1 character", type: "string_too_short" };
  }
  if (chars(label) > LABEL_MAX) {
    return {
      loc,
      msg: `String should have at most ${LABEL_MAX} characters`,
      type: "string_too_long",
    };
  }
  if (label.includes(","))
    return { loc, msg: "A label should not contain commas", type: "value_error" };
  if (/\p{Cc}/u.test(label)) {
    return { loc, msg: "A label should not contain control characters", type: "value_error" };
  }
  if (label.startsWith("#")) {
    return { loc, msg: "A label should not start with #", type: "value_error" };
  }
  return null;
}

function organizingIssues(body: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const { priority, labels, due_date: dueDate, due_time: dueTime, time_zone: zone } = body;
  if (priority !== undefined && !PRIORITIES.includes(String(priority))) {
    issues.push(issue("priority", "Input should be 'none', 'low', 'medium' or 'high'", "enum"));
  }
  if (labels !== undefined) {
    if (!Array.isArray(labels))
      issues.push(issue("labels", "Input should be a valid list", "list_type"));
    else if (labels.length > LABELS_MAX) {
      issues.push(issue("labels", `List should have at most ${LABELS_MAX} items`, "too_long"));
    } else {
      labels.forEach((label, index) => {
        const found = labelIssue(label, ["body", "labels", String(index)]);
        if (found) issues.push(found);
      });
    }
  }
  if (dueDate !== undefined && dueDate !== null && !/^\d{4}-\d{2}-\d{2}$/.test(String(dueDate))) {
    issues.push(issue("due_date", "Input should be a valid date"));
  }
  if (
    dueTime !== undefined &&
    dueTime !== null &&
    !/^([01]\d|2[0-3]):[0-5]\d$/.test(String(dueTime))
  ) {
    issues.push(issue("due_time", "Input should be a time as HH:MM"));
  }
  if (dueDate === null && ((dueTime ?? null) !== null || (zone ?? null) !== null)) {
    issues.push(issue("due_time", "A due time or time zone needs a due date"));
  }
  return issues;
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
  return [...issues, ...organizingIssues(body)];
}
