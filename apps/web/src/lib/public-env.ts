/**
 * Configuration the browser may see, and the one definition of the task API's origin that the
 * browser calls and the Content-Security-Policy allows. Next.js inlines `NEXT_PUBLIC_*` values
 * at build time, and next.config.ts passes this origin (default included) to every bundle, server
 * and browser alike: both read the same value, fixed at build, and changing it needs a rebuild.
 * Server-only settings live in `./env.ts`.
 */

export const DEFAULT_API_URL = "http://localhost:8000";

/** The origin of an http(s) URL (`https://api.example.com/v1/` → `https://api.example.com`). */
export function apiOriginOf(value: string | undefined): string {
  const refused = new Error(`NEXT_PUBLIC_API_URL must be an http(s) URL (got "${value}")`);
  let url: URL;
  try {
    url = new URL(value?.trim() || DEFAULT_API_URL);
  } catch {
    throw refused;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw refused;
  return url.origin;
}

export const publicEnv = {
  /** Origin of the task API the browser calls directly, e.g. `http://localhost:8000`. */
  // biome-ignore lint/style/noProcessEnv: the one place the browser bundle reads its build-time config
  apiUrl: apiOriginOf(process.env.NEXT_PUBLIC_API_URL),
} as const;
