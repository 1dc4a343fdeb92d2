import { resolve } from "node:path";
import type { NextConfig } from "next";
import { publicEnv } from "./src/lib/public-env";

/**
 * Headers that do not change per request. The Content-Security-Policy carries a per-request nonce,
 * so it is set in `src/proxy.ts`.
 */
const staticSecurityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

const nextConfig: NextConfig = {
  // The API's origin, decided once at build (its default too) and inlined into every bundle: the
  // browser calls it and the server's CSP allows it, never two different values.
  env: { NEXT_PUBLIC_API_URL: publicEnv.apiUrl },
  // A self-contained server (.next/standalone): the web image's, and the one npm start, the e2e
  // suite and test:scale run (scripts/web-server.ts).
  output: "standalone",
  // The workspace root, so the server's node_modules (hoisted there) are traced into it.
  outputFileTracingRoot: resolve(import.meta.dirname, "../.."),
  // Read from disk at start-up (src/lib/paths.ts), so no import brings them in.
  outputFileTracingIncludes: { "/*": ["./migrations/**/*"] },
  poweredByHeader: false,
  reactStrictMode: true,
  // Workspace packages are TypeScript source: Next.js compiles them with the app.
  transpilePackages: ["@taskline/repeat"],
  // Native / WASM packages are loaded from node_modules at run time, never bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "nodemailer"],
  async headers() {
    return [
      { source: "/:path*", headers: staticSecurityHeaders },
      {
        // The service worker: always checked for a new version, and allowed to serve every page.
        source: "/sw.js",
        headers: [
          { key: "Cache-Control", value: "no-cache" },
          { key: "Service-Worker-Allowed", value: "/" },
          { key: "Content-Security-Policy", value: "default-src 'self'" },
        ],
      },
    ];
  },
};

export default nextConfig;
