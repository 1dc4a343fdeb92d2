import { defineConfig } from "drizzle-kit";

/** `npm run db:generate` writes a new SQL migration into ./migrations after a schema change. */
export default defineConfig({
  dialect: "postgresql",
  schema: ["./src/lib/db/schema.ts", "./src/lib/db/sign-in-attempt-schema.ts"],
  out: "./migrations",
});
