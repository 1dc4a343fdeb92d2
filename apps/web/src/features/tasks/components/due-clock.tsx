"use client";

import { createContext, type ReactNode, useContext, useMemo } from "react";
import type { DueClock } from "../describe-due";

const ClockContext = createContext<DueClock | null>(null);

/** The user's zone and the moment the screen was drawn, for due dates in words. */
export function DueClockProvider({
  timeZone,
  now,
  children,
}: {
  timeZone: string;
  /** Fixed in tests; otherwise the moment the zone is (re)established. */
  now?: Date;
  children: ReactNode;
}) {
  // Rows never disagree about what today is.
  const clock = useMemo(() => ({ now: now ?? new Date(), timeZone }), [now, timeZone]);
  return <ClockContext.Provider value={clock}>{children}</ClockContext.Provider>;
}

export function useDueClock(): DueClock {
  const clock = useContext(ClockContext);
  return clock ?? { now: new Date(), timeZone: "UTC" };
}
