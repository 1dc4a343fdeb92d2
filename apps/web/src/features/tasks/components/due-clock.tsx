"use client";

import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import type { DueClock } from "../describe-due";

const ClockContext = createContext<DueClock | null>(null);

const MINUTE_MS = 60_000;

/** The time now, moving on each minute: a due time passes, midnight makes tomorrow today. */
function useMinute(fixed: Date | undefined): Date {
  const [now, setNow] = useState(() => fixed ?? new Date());
  useEffect(() => {
    if (fixed) return undefined;
    const timer = setInterval(() => setNow(new Date()), MINUTE_MS);
    return () => clearInterval(timer);
  }, [fixed]);
  return fixed ?? now;
}

/** The user's zone and the current minute, for due dates in words and the date-based views. */
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
  // One clock for the whole screen: rows never disagree about what today is.
  const minute = useMinute(now);
  const clock = useMemo(() => ({ now: minute, timeZone }), [minute, timeZone]);
  return <ClockContext.Provider value={clock}>{children}</ClockContext.Provider>;
}

export function useDueClock(): DueClock {
  const clock = useContext(ClockContext);
  return clock ?? { now: new Date(), timeZone: "UTC" };
}
