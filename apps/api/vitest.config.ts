import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Each file starts its own database (PGlite from a migrated dump ≈ 0.5 s, or a database on
    // TEST_DATABASE_URL ≈ 0.1 s).
    hookTimeout: 60_000,
    // Files share their worker's module cache (the harness keeps no module-level state): this
    // saves ~1 s of imports per file. Each file still gets its own database, keys and server.
    isolate: false,
    testTimeout: 15_000,
  },
});
