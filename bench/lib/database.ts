// The throwaway database: created on the benchmark's server, seeded with 1,000 users × 20 tasks
// straight through SQL (after the API has applied its migrations), dropped at the end.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { onCleanup } from "./cleanup.ts";

export type Database = { name: string; url: string; sql: postgres.Sql };

export const userId = (index: number) => `bench-user-${index + 1}`;

/** Creates a uniquely named database and registers its drop (which first ends every session in it). */
export async function createDatabase(adminUrl: string): Promise<Database> {
  const name = `taskline_bench_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } catch (error) {
    await admin.end();
    throw new Error(`cannot create a database on ${redact(adminUrl)}: ${(error as Error).message}`);
  }
  onCleanup(`drop database ${name}`, async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const sql = postgres(url.toString(), { max: 4, onnotice: () => {} });
  onCleanup("close the seeding connection", () => sql.end());
  return { name, url: url.toString(), sql };
}

/** 20 tasks per user, created a minute apart, some completed; returns each user's task ids. */
export async function seedTasks(db: Database, users: number, tasksPerUser: number) {
  await db.sql`
    INSERT INTO tasks (id, user_id, title, description, is_completed, created_at, updated_at)
    SELECT gen_random_uuid(), 'bench-user-' || u, 'Task ' || t || ' of user ' || u,
           CASE WHEN t % 3 = 0 THEN 'A description for task ' || t ELSE NULL END,
           t % 4 = 0, now() - t * interval '1 minute', now() - t * interval '1 minute'
    FROM generate_series(1, ${users}::int) AS u, generate_series(1, ${tasksPerUser}::int) AS t`;
  await db.sql`ANALYZE tasks`;
  const rows = await db.sql<{ user_id: string; id: string }[]>`
    SELECT user_id, id FROM tasks ORDER BY user_id, created_at DESC`;
  const byUser = new Map<string, string[]>();
  for (const row of rows) {
    const ids = byUser.get(row.user_id) ?? [];
    ids.push(row.id);
    byUser.set(row.user_id, ids);
  }
  return Array.from({ length: users }, (_, i) => byUser.get(userId(i)) ?? []);
}

/** One user with `tasks` tasks (the noisy neighbour), a second apart, every fourth completed. */
export async function seedHeavyUser(db: Database, user: string, tasks: number): Promise<void> {
  await db.sql`
    INSERT INTO tasks (id, user_id, title, description, is_completed, created_at, updated_at)
    SELECT gen_random_uuid(), ${user}, 'Heavy task ' || t, NULL, t % 4 = 0,
           now() - t * interval '1 second', now() - t * interval '1 second'
    FROM generate_series(1, ${tasks}::int) AS t`;
  await db.sql`VACUUM ANALYZE tasks`;
}

/** Removes the rows a ceiling run inserted, so the API's scenarios see the seeded table again. */
export async function deleteRowsTitled(db: Database, title: string): Promise<void> {
  await db.sql`DELETE FROM tasks WHERE title = ${title}`;
  await db.sql`VACUUM ANALYZE tasks`;
}

export async function serverVersion(db: Database): Promise<string> {
  const [row] = await db.sql<{ v: string }[]>`SELECT current_setting('server_version') AS v`;
  return `PostgreSQL ${row?.v ?? "?"}`;
}

export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparsable URL)";
  }
}
