"use client";

import { useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { ActionError } from "@/features/account/components/account-section";
import { type ApiClient, createApiClient } from "@/lib/api-client";
import { describeError } from "@/lib/api-error";
import { apiToken } from "@/lib/api-token";
import { publicEnv } from "@/lib/public-env";
import {
  type ReminderState,
  readReminderState,
  turnRemindersOff,
  turnRemindersOn,
} from "../push-subscription";

const STATE_WORDS: Record<ReminderState, string> = {
  on: "Reminders are on in this browser: they show as notifications, even with Taskline closed.",
  off: "Reminders are off in this browser.",
  denied:
    "This browser blocks Taskline's notifications. Allow them in the browser's site settings for this address, then reload the page.",
  unsupported:
    "This browser cannot show Taskline's reminders: it has no push notifications (on an iPhone or iPad, add Taskline to the home screen first).",
};

/**
 * The settings item that turns reminders on or off in this browser. Permission is asked only
 * after its click; while it works the button says so and cannot be pressed again.
 */
export function RemindersToggle({ api }: { api?: ApiClient }) {
  const client = useMemo(
    () => api ?? createApiClient({ baseUrl: publicEnv.apiUrl, tokens: apiToken }),
    [api],
  );
  const [state, setState] = useState<ReminderState | null>(null);
  const [busy, setBusy] = useState<"on" | "off" | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    readReminderState()
      .then((found) => {
        if (current) setState(found);
      })
      .catch(() => {
        if (current) setState("off");
      });
    return () => {
      current = false;
    };
  }, []);

  async function turn(to: "on" | "off") {
    setBusy(to);
    setError(null);
    try {
      const next = await (to === "on" ? turnRemindersOn(client) : turnRemindersOff(client));
      setState(next);
      if (to === "on" && next === "off") {
        setError("Taskline was not allowed to show notifications, so reminders stay off.");
      }
    } catch (failure) {
      setError(describeError(failure));
      setState(await readReminderState().catch(() => "off" as const));
    } finally {
      setBusy(null);
    }
  }

  if (state === null)
    return <p className="text-sm text-muted-foreground">Checking this browser…</p>;
  const canTurn = state === "on" || state === "off";
  return (
    <div className="space-y-3">
      <p role="status" className="text-sm">
        {STATE_WORDS[state]}
      </p>
      {canTurn ? (
        <Button
          type="button"
          variant={state === "on" ? "outline" : "default"}
          disabled={busy !== null}
          onClick={() => void turn(state === "on" ? "off" : "on")}
        >
          {busy === "on"
            ? "Turning on…"
            : busy === "off"
              ? "Turning off…"
              : state === "on"
                ? "Turn off reminders in this browser"
                : "Turn on reminders in this browser"}
        </Button>
      ) : null}
      <ActionError message={error} />
    </div>
  );
}
