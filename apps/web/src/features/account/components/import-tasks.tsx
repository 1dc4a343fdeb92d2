"use client";

import { type DragEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import type { components } from "@/lib/api-schema";
import { apiToken } from "@/lib/api-token";
import { publicEnv } from "@/lib/public-env";
import { ActionError, ActionNotice } from "./account-section";

type Preview = components["schemas"]["ImportPreview"];
type Result = components["schemas"]["ImportResult"];

/** The API's words for a refusal (its `detail`), else the status. */
async function refusal(response: Response): Promise<string> {
  const body: unknown = await response.json().catch(() => null);
  const detail = (body as { detail?: unknown } | null)?.detail;
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) {
    return detail.map((item: { msg?: string }) => item.msg ?? "").join("; ");
  }
  return `the server answered ${response.status}`;
}

/**
 * Imports a file (our JSON export or Todoist's CSV): the API reads it first without writing
 * (`preview=true`), the page shows what it would create and skip, and only "Import" writes.
 */
export function ImportTasks({
  fetchImpl = fetch,
  getToken = () => apiToken.getToken(),
}: {
  fetchImpl?: typeof fetch;
  getToken?: () => Promise<string>;
}) {
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  async function send(chosen: File, previewOnly: boolean): Promise<Response> {
    const form = new FormData();
    form.set("file", chosen);
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const query = new URLSearchParams({ tz: zone, ...(previewOnly ? { preview: "true" } : {}) });
    return fetchImpl(`${publicEnv.apiUrl}/api/import?${query}`, {
      method: "POST",
      headers: { authorization: `Bearer ${await getToken()}` },
      body: form,
    });
  }

  async function run(action: () => Promise<void>, failure: string) {
    setPending(true);
    setError(null);
    setNotice(null);
    try {
      await action();
    } catch (caught) {
      const reason = caught instanceof Error ? caught.message : "unknown error";
      setError(`${failure} (${reason}).`);
    } finally {
      setPending(false);
    }
  }

  function choose(chosen: File | undefined) {
    if (!chosen) return;
    setFile(chosen);
    setPreview(null);
    void run(async () => {
      const response = await send(chosen, true);
      if (!response.ok) throw new Error(await refusal(response));
      setPreview((await response.json()) as Preview);
    }, "The file could not be read");
  }

  function importAll() {
    if (!file) return;
    void run(async () => {
      const response = await send(file, false);
      if (!response.ok) throw new Error(await refusal(response));
      const result = (await response.json()) as Result;
      setPreview(null);
      setFile(null);
      setNotice(`Imported ${result.created} ${result.created === 1 ? "task" : "tasks"}.`);
    }, "Nothing was imported");
  }

  function drop(event: DragEvent<HTMLFieldSetElement>) {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  }

  return (
    <div className="space-y-3">
      {/* Dropping is a shortcut: the file input inside does the same from the keyboard. */}
      <fieldset
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        className={`rounded-md border border-dashed p-4 text-sm ${dragging ? "border-primary bg-primary/5" : ""}`}
      >
        <label htmlFor={inputId} className="block font-medium">
          Choose a file to import, or drop it here
        </label>
        <p className="text-muted-foreground">A Taskline JSON export or a Todoist CSV export.</p>
        <input
          id={inputId}
          type="file"
          accept=".json,.csv,application/json,text/csv"
          disabled={pending}
          onChange={(event) => choose(event.target.files?.[0])}
          className="mt-2 block w-full min-w-0 text-sm focus-visible:outline-2 focus-visible:outline-ring"
        />
      </fieldset>
      {pending ? <p role="status">Working…</p> : null}
      {preview ? <ImportPreview preview={preview} /> : null}
      {preview && preview.would_create > 0 ? (
        <Button disabled={pending} onClick={importAll}>
          Import {preview.would_create} {preview.would_create === 1 ? "task" : "tasks"}
        </Button>
      ) : null}
      <ActionError message={error} />
      <ActionNotice message={notice} />
    </div>
  );
}

function ImportPreview({ preview }: { preview: Preview }) {
  const format = preview.format === "todoist-csv" ? "Todoist CSV" : "Taskline JSON";
  return (
    <div className="space-y-2 text-sm">
      <p>
        {format}: {preview.would_create} {preview.would_create === 1 ? "task" : "tasks"} to create,{" "}
        {preview.skipped.length} skipped.
      </p>
      {preview.tasks.length > 0 ? (
        <ul aria-label="First tasks" className="list-disc pl-5">
          {preview.tasks.map((task, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows of a file have no id yet
            <li key={index}>
              {task.title}
              {task.due_date ? ` (due ${task.due_date})` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      {preview.skipped.length > 0 ? (
        <ul aria-label="Skipped rows" className="list-disc pl-5 text-muted-foreground">
          {preview.skipped.map((row) => (
            <li key={row.row}>
              Row {row.row}: {row.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
