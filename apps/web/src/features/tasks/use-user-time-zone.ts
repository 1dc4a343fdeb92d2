"use client";

import { useSyncExternalStore } from "react";
import { browserTimeZone } from "@/lib/time-zone";

const subscribe = () => () => {};

/**
 * The browser's time zone. While hydrating a server-rendered page it is the zone the server
 * rendered for (the cookie's), so the first render matches; the browser's own follows at once.
 */
export function useUserTimeZone(serverZone: string | null): string {
  return useSyncExternalStore(subscribe, browserTimeZone, () => serverZone ?? "UTC");
}
