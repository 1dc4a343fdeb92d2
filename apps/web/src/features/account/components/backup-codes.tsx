"use client";

import { Button } from "@/components/ui/button";

/** The backup codes, shown once: to write down, or to save as a text file. */
export function BackupCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  function download() {
    const text = `Taskline backup codes\r\nEach code signs you in once, instead of a code from your app.\r\n\r\n${codes.join("\r\n")}\r\n`;
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "taskline-backup-codes.txt";
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <div className="space-y-3">
      <p className="text-sm">
        Keep these backup codes somewhere safe. Each one signs you in once if you lose your
        authenticator app. They are shown only now.
      </p>
      <ul
        aria-label="Backup codes"
        className="grid grid-cols-2 gap-1 rounded-md border bg-muted/40 p-3 font-mono text-sm"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button variant="outline" onClick={download}>
          Download as .txt
        </Button>
        <Button onClick={onDone}>I have saved them</Button>
      </div>
    </div>
  );
}
