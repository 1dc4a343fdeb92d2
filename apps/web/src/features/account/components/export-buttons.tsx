"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { apiToken } from "@/lib/api-token";
import { publicEnv } from "@/lib/public-env";
import { ActionError } from "./account-section";

type Format = "json" | "csv";

/** The file name the API gave in Content-Disposition, else a plain one. */
function fileNameOf(response: Response, format: Format) {
  const match = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "");
  return match?.[1] ?? `taskline-export.${format}`;
}

/**
 * Downloads every task and label as JSON or CSV. The API needs the token in a header, which a
 * plain link cannot send: the page fetches the file and saves it from memory.
 */
export function ExportButtons({ fetchImpl = fetch }: { fetchImpl?: typeof fetch }) {
  const [pending, setPending] = useState<Format | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download(format: Format) {
    setPending(format);
    setError(null);
    try {
      const token = await apiToken.getToken();
      const response = await fetchImpl(`${publicEnv.apiUrl}/api/export?format=${format}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = fileNameOf(response, format);
      link.click();
      URL.revokeObjectURL(url);
    } catch (failure) {
      const reason = failure instanceof Error ? failure.message : "unknown error";
      setError(`The export could not be downloaded (${reason}). Please try again.`);
    } finally {
      setPending(null);
    }
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <Button variant="outline" disabled={pending !== null} onClick={() => void download("json")}>
          {pending === "json" ? "Preparing…" : "Download JSON"}
        </Button>
        <Button variant="outline" disabled={pending !== null} onClick={() => void download("csv")}>
          {pending === "csv" ? "Preparing…" : "Download CSV"}
        </Button>
      </div>
      <ActionError message={error} />
    </div>
  );
}
