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

/** Words of the seeded titles, which the search scenarios look for (database order: t % 8). */
const TITLES = [
  "Buy groceries",
  "Weekly meeting notes",
  "Call the plumber",
  "Send the invoice",
  "Café with Ana",
  "Renew the passport",
  "Groceries for the party",
  "Prepare the meetings agenda",
];

/**
 * What the seeded rows hold for task `t` (an SQL integer expression): a title from TITLES, every
 * third a description, every fourth completed, priorities none to high in turn, labels `work`
 * (even t), `urgent` (t divisible by 3) and `home` (t divisible by 5), stored as the API stores
 * them (sorted, with their lower-case keys, here the same), and even tasks due on the t-th day
 * from today, in UTC: at 17:00 when t is divisible by 4, else all day.
 */
const taskColumns = (t: string) => `
  (ARRAY[${TITLES.map((title) => `'${title}'`).join(",")}])[${t} % 8 + 1] || ' ' || ${t},
  CASE WHEN ${t} % 3 = 0 THEN 'A description for task ' || ${t} ELSE NULL END,
  ${t} % 4 = 0,
  (${t} % 4)::smallint,
  labels.names, labels.keys,
  due.day, due.at_time, due.zone, due.at`;

const taskColumnNames = `title, description, is_completed, priority, labels, label_keys,
  due_date, due_time, time_zone, due_at`;

const taskJoins = (t: string) => `
  CROSS JOIN LATERAL (SELECT array_remove(ARRAY[
    CASE WHEN ${t} % 5 = 0 THEN 'home' END,
    CASE WHEN ${t} % 3 = 0 THEN 'urgent' END,
    CASE WHEN ${t} % 2 = 0 THEN 'work' END], NULL) AS names) AS labels0
  CROSS JOIN LATERAL (SELECT labels0.names, labels0.names AS keys) AS labels
  CROSS JOIN LATERAL (SELECT
    CASE WHEN ${t} % 2 = 0 THEN current_date + ${t} END AS day,
    CASE WHEN ${t} % 2 = 0 AND ${t} % 4 = 0 THEN time '17:00' END AS at_time,
    CASE WHEN ${t} % 2 = 0 THEN 'UTC' END AS zone) AS due0
  CROSS JOIN LATERAL (SELECT due0.day, due0.at_time, due0.zone,
    CASE WHEN due0.day IS NULL THEN NULL
      WHEN due0.at_time IS NULL THEN (due0.day + 1)::timestamp AT TIME ZONE 'UTC'
      ELSE (due0.day + due0.at_time) AT TIME ZONE 'UTC' END AS at) AS due`;

/** 20 tasks per user, created a minute apart (see taskColumns); returns each user's task ids. */
export async function seedTasks(db: Database, users: number, tasksPerUser: number) {
  await db.sql.unsafe(`
    INSERT INTO tasks (id, user_id, ${taskColumnNames}, created_at, updated_at)
    SELECT gen_random_uuid(), 'bench-user-' || u, ${taskColumns("t")},
           now() - t * interval '1 minute', now() - t * interval '1 minute'
    FROM generate_series(1, ${users}::int) AS u, generate_series(1, ${tasksPerUser}::int) AS t
    ${taskJoins("t")}`);
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

/** One user with `tasks` tasks like the others' (see taskColumns), a second apart. */
export async function seedSearcher(db: Database, user: string, tasks: number): Promise<void> {
  await db.sql.unsafe(
    `INSERT INTO tasks (id, user_id, ${taskColumnNames}, created_at, updated_at)
    SELECT gen_random_uuid(), $1, ${taskColumns("t")},
           now() - t * interval '1 second', now() - t * interval '1 second'
    FROM generate_series(1, ${Math.trunc(tasks)}) AS t
    ${taskJoins("t")}`,
    [user],
  );
  await db.sql`ANALYZE tasks`;
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
