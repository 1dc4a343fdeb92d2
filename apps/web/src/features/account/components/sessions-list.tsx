"use client";

import { useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { authClient } from "@/lib/auth-client";
import { describeAddress } from "../describe-address";
import { describeDevice } from "../describe-device";
import { useAccountAction } from "../use-account-action";
import { ActionError, ActionNotice } from "./account-section";

type SessionRow = {
  id: string;
  token: string;
  userAgent?: string | null;
  ipAddress?: string | null;
  updatedAt: Date | string;
};

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** Every signed-in session of the account, this one first; each can be signed out. */
export function SessionsList({ reloadKey = 0 }: { reloadKey?: number }) {
  const [sessions, setSessions] = useState<SessionRow[] | null>(null);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const action = useAccountAction();

  const load = useCallback(async () => {
    const [list, current] = await Promise.all([
      authClient.listSessions().catch(() => null),
      authClient.getSession().catch(() => null),
    ]);
    if (!list?.data) {
      setLoadError("Your sessions could not be loaded. Reload the page to try again.");
      return;
    }
    setLoadError(null);
    const id = current?.data?.session.id ?? null;
    setCurrentId(id);
    setSessions(
      [...(list.data as SessionRow[])].sort(
        (a, b) =>
          Number(b.id === id) - Number(a.id === id) ||
          new Date(b.updatedAt).getTime() - new Date(a.updatedAt).getTime(),
      ),
    );
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey asks for a fresh list
  useEffect(() => {
    void load();
  }, [load, reloadKey]);

  async function signOut(token: string) {
    const done = await action.run(() => authClient.revokeSession({ token }), "Signed out.");
    if (done) await load();
  }

  async function signOutOthers() {
    const done = await action.run(
      () => authClient.revokeOtherSessions(),
      "Every other session is signed out.",
    );
    if (done) await load();
  }

  if (loadError) return <ActionError message={loadError} />;
  if (!sessions) return <p className="text-sm text-muted-foreground">Loading your sessions…</p>;
  const others = sessions.filter((s) => s.id !== currentId);
  return (
    <div className="space-y-3">
      <ul className="divide-y rounded-md border" aria-label="Signed-in sessions">
        {sessions.map((session) => (
          <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
            <div className="min-w-0 space-y-0.5">
              <p className="text-sm font-medium">
                {describeDevice(session.userAgent)}
                {session.id === currentId ? (
                  <span className="ml-2 rounded bg-muted px-1.5 py-0.5 text-xs">This device</span>
                ) : null}
              </p>
              <p className="text-xs text-muted-foreground">
                Last active {when.format(new Date(session.updatedAt))}
                {session.ipAddress ? ` · ${describeAddress(session.ipAddress)}` : ""}
              </p>
            </div>
            {session.id === currentId ? null : (
              <Button
                variant="outline"
                size="sm"
                disabled={action.pending}
                onClick={() => void signOut(session.token)}
                aria-label={`Sign out ${describeDevice(session.userAgent)}, last active ${when.format(new Date(session.updatedAt))}`}
              >
                Sign out
              </Button>
            )}
          </li>
        ))}
      </ul>
      <ActionError message={action.error} />
      <ActionNotice message={action.notice} />
      {others.length > 0 ? (
        <Button variant="outline" disabled={action.pending} onClick={() => void signOutOthers()}>
          Sign out everywhere else
        </Button>
      ) : null}
    </div>
  );
}
