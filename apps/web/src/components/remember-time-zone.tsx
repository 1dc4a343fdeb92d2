"use client";

import { useEffect } from "react";
import { browserTimeZone, TIME_ZONE_COOKIE } from "@/lib/time-zone";

const ONE_YEAR_S = 365 * 24 * 60 * 60;

/** Keeps the browser's time zone in a cookie, so server-rendered pages show the user's days. */
export function RememberTimeZone() {
  useEffect(() => {
    const value = encodeURIComponent(browserTimeZone());
    if (document.cookie.split("; ").includes(`${TIME_ZONE_COOKIE}=${value}`)) return;
    // biome-ignore lint/suspicious/noDocumentCookie: a plain preference; the Cookie Store API is not everywhere
    document.cookie = `${TIME_ZONE_COOKIE}=${value}; path=/; max-age=${ONE_YEAR_S}; samesite=lax`;
  }, []);
  return null;
}
