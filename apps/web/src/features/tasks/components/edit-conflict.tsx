import type { Task } from "../task-api";

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
        <dd className="break-words">{theirs.title}</dd>
        <dt className="text-muted-foreground">Their description</dt>
        <dd className="whitespace-pre-wrap break-words">{theirs.description ?? "None"}</dd>
      </dl>
      <p className="text-muted-foreground">
        Keep mine saves what you typed over their version; Use theirs drops your changes.
      </p>
    </div>
  );
}
