"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { onSignOut } from "@/lib/sign-out-broadcast";
import { createLiveConnection } from "./live-connection";
import { applyLiveMessage } from "./live-events";
import { useLiveSource } from "./tasks-provider";

/**
 * How long the stream may be down before the screen says so: longer than a normal reconnect
 * (a new token, a server restarting, the server's 2 s `retry`), so those never show.
 */
export const LIVE_NOTICE_AFTER_MS = 5_000;

/**
 * Follows the user's changes made elsewhere (another tab or device) and applies them to the cache
 * as they happen. The stream closes when the page goes into the back/forward cache (an open
 * request would keep it out) and reopens, resuming, when it comes back; it closes for good when
 * the user signs out in any tab. `paused`: the stream has been down for a while.
 */
export function useLiveUpdates(): { paused: boolean } {
  const source = useLiveSource();
  const client = useQueryClient();
  const [paused, setPaused] = useState(false);

  useEffect(() => {
    if (!source) return;
    let notice: ReturnType<typeof setTimeout> | undefined;
    const stopNotice = () => {
      clearTimeout(notice);
      notice = undefined;
      setPaused(false);
    };
    const startNotice = () => {
      notice ??= setTimeout(() => setPaused(true), source.noticeAfterMs ?? LIVE_NOTICE_AFTER_MS);
    };
    const connection = createLiveConnection({
      url: source.url,
      tokens: source.tokens,
      onMessage: (message) => applyLiveMessage(client, message),
      onConnectedChange: (connected) => (connected ? stopNotice() : startNotice()),
    });
    let signedOut = false;
    const start = () => {
      if (signedOut) return;
      startNotice();
      connection.start();
    };
    const stop = () => {
      connection.stop();
      stopNotice();
    };
    const stopListening = onSignOut(() => {
      signedOut = true;
      stop();
    });
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) start();
    };
    const onOnline = () => connection.reconnectNow();
    window.addEventListener("pagehide", stop);
    window.addEventListener("pageshow", onPageShow);
    window.addEventListener("online", onOnline);
    start();
    return () => {
      stopListening();
      window.removeEventListener("pagehide", stop);
      window.removeEventListener("pageshow", onPageShow);
      window.removeEventListener("online", onOnline);
      stop();
    };
  }, [source, client]);

  return { paused };
}
