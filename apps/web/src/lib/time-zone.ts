/**
 * The user's time zone: the browser's, written into a cookie so the server can render the
 * date-based views (Today, Upcoming, due dates in words) for the same zone on the first load.
 */
export const TIME_ZONE_COOKIE = "tz";

/** Whether the runtime knows `value` as an IANA time zone. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value === "" || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export function browserTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return isTimeZone(zone) ? zone : "UTC";
}
