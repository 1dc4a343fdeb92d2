/**
 * Entry point for the Better Auth CLI only: `npm run db:auth-schema` regenerates
 * `src/lib/db/schema.ts` from the real auth options. It never opens a database.
 */
import { createAuth } from "./src/lib/auth";
import type { DatabaseHandle } from "./src/lib/db";
import { parseEnv } from "./src/lib/env";

const schemaOnly = { db: {}, migrate: async () => {}, close: async () => {} };

export const auth = createAuth({
  env: parseEnv({ APP_ENV: "development", DATA_DIR: "/tmp/taskline-auth-schema" }),
  database: schemaOnly as unknown as DatabaseHandle,
});
