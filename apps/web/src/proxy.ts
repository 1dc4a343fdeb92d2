import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, createNonce } from "@/lib/csp";
import { getEnv } from "@/lib/env";
import { publicEnv } from "@/lib/public-env";

/**
 * Pages may be kept but must be revalidated before each use: `no-store` (Next.js's default for
 * pages rendered per request) would also keep them out of the back/forward cache. A page restored
 * from that cache checks the session again before it shows anything (sign-out-listener.tsx).
 */
export const PAGE_CACHE_CONTROL = "private, no-cache";

/**
 * Gives every page a fresh CSP nonce and its Cache-Control (Next.js keeps a value set here). Next.js reads the nonce from the request's
 * Content-Security-Policy header and puts it on the scripts it renders; the same policy goes on
 * the response. The static security headers are in next.config.ts.
 */
export function proxy(request: NextRequest) {
  const env = getEnv();
  const nonce = createNonce();
  const policy = contentSecurityPolicy({
    nonce,
    apiOrigin: publicEnv.apiUrl,
    https: env.BETTER_AUTH_URL.startsWith("https://"),
    nextDev: env.NEXT_DEV,
  });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("Cache-Control", PAGE_CACHE_CONTROL);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not the auth API (JSON), not static files (the service worker is one).
      source: "/((?!api/|_next/static|_next/image|favicon.ico|robots.txt|sw.js).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
