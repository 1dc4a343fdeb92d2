import type { Task } from "../task-api";
import { PRIORITY_NAMES } from "../task-edit";

function dueText(task: Task): string {
  if (task.due_date === null) return "None";
  return task.due_time === null ? task.due_date : `${task.due_date} ${task.due_time.slice(0, 5)}`;
}

/** Shown in the edit form when the API refused the edit because the task changed elsewhere. */
export function EditConflict({ theirs }: { theirs: Task }) {
  return (
    <div
      role="alert"
      className="grid gap-2 rounded-lg border border-destructive/40 bg-destructive/10 px-3 py-2.5 text-sm"
    >
      <p className="font-medium">This task was changed elsewhere while you were editing it.</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-muted-foreground">Their title</dt>
        <dd className="wrap-anywhere">{theirs.title}</dd>
        <dt className="text-muted-foreground">Their description</dt>
        <dd className="whitespace-pre-wrap wrap-anywhere">{theirs.description ?? "None"}</dd>
        <dt className="text-muted-foreground">Their priority</dt>
        <dd>{PRIORITY_NAMES[theirs.priority]}</dd>
        <dt className="text-muted-foreground">Their due date</dt>
        <dd>{dueText(theirs)}</dd>
        <dt className="text-muted-foreground">Their labels</dt>
        <dd className="wrap-anywhere">
          {theirs.labels.length > 0 ? theirs.labels.map((label) => `#${label}`).join(" ") : "None"}
        </dd>
      </dl>
      <p className="text-muted-foreground">
        Keep mine saves what you typed over their version; Use theirs drops your changes.
      </p>
    </div>
  );
}
