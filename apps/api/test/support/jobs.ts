import { integer, jsonb, pgSchema, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** pg-boss's job table, as far as tests read it (reminders/reminder-queue.ts). */
export const jobs = pgSchema("pgboss").table("job", {
  id: uuid("id").notNull(),
  name: text("name").notNull(),
  state: text("state").notNull(),
  data: jsonb("data"),
  startAfter: timestamp("start_after", { withTimezone: true, mode: "date" }).notNull(),
  retryLimit: integer("retry_limit").notNull(),
});
