import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = fileURLToPath(new URL("./src", import.meta.url));

/**
 * Two projects, chosen by file name:
 * - `*.test.tsx` — components and hooks, in jsdom with Testing Library's matchers;
 * - `*.test.ts`  — server code and integration tests, in Node (real Better Auth, real PGlite or
 *   Postgres through TEST_DATABASE_URL, real HTTP).
 */
export default defineConfig({
  resolve: { alias: { "@": src } },
  oxc: { jsx: { runtime: "automatic" } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "components",
          environment: "jsdom",
          include: ["src/**/*.test.tsx", "test/**/*.test.tsx"],
          setupFiles: ["./test/setup-dom.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "node",
          environment: "node",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
