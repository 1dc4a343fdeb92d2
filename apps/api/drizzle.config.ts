import { defineConfig } from "drizzle-kit";

// Only for generating migrations (`npm run db:generate -w @taskline/api`); the app applies them
// itself at start-up (src/db/client.ts), so no database connection is configured here.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema.ts",
  out: "./migrations",
});
