/**
 * Configuration the browser may see. Next.js inlines `NEXT_PUBLIC_*` values at build time, so
 * changing them needs a rebuild. Server-only settings live in `./env.ts`.
 */
export const publicEnv = {
  /** Origin of the task API the browser calls directly, e.g. `http://localhost:8000`. */
  // biome-ignore lint/style/noProcessEnv: the one place the browser bundle reads its build-time config
  apiUrl: (process.env.NEXT_PUBLIC_API_URL || "http://localhost:8000").replace(/\/+$/, ""),
} as const;
