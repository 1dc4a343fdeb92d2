/** The API's limits: title 1–255 characters after trimming, description up to 10,000. */
export const TITLE_MAX = 255;
export const DESCRIPTION_MAX = 10_000;

export interface TaskDraft {
  title: string;
  description: string;
}

export interface DraftErrors {
  title?: string;
  description?: string;
}

const count = (n: number) => n.toLocaleString("en-US");

/** Length in characters (code points), as the API and Postgres count them: an emoji is one. */
export const charLength = (text: string) => {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
};

/** "260 / 255 characters", shown once a field nears its limit; null before then. */
export function lengthHint(value: string, max: number): string | null {
  const length = charLength(value.trim());
  return length >= max * 0.9 ? `${count(length)} / ${count(max)} characters` : null;
}

/** What the user must fix before the draft can be saved, in words; empty when it is fine. */
export function validateDraft(draft: TaskDraft): DraftErrors {
  const errors: DraftErrors = {};
  const title = draft.title.trim();
  if (title.length === 0) errors.title = "Enter a title for the task.";
  else if (charLength(title) > TITLE_MAX) {
    errors.title = `Keep the title to ${count(TITLE_MAX)} characters or fewer.`;
  }
  if (charLength(draft.description.trim()) > DESCRIPTION_MAX) {
    errors.description = `Keep the description to ${count(DESCRIPTION_MAX)} characters or fewer.`;
  }
  return errors;
}

/** Only the length problems, to show while the user types (an empty title is not an error yet). */
export function lengthErrors(draft: TaskDraft): DraftErrors {
  const { title, description } = validateDraft(draft);
  return {
    ...(charLength(draft.title.trim()) > TITLE_MAX && { title }),
    ...(description && { description }),
  };
}

export const hasErrors = (errors: DraftErrors) => Boolean(errors.title || errors.description);

/** The body the API expects: trimmed text, and null for an empty description. */
export function toTaskInput(draft: TaskDraft): { title: string; description: string | null } {
  const description = draft.description.trim();
  return { title: draft.title.trim(), description: description || null };
}
