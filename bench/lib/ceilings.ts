// The ceilings each scenario is compared with, measured in the same run at the same concurrency:
// a bare node:http server loaded by the same wrk settings, and the database work of a list and of
// an insert, written by hand, run alone by pgbench (C client, prepared statements, one connection
// per "user").
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { onCleanup } from "./cleanup.ts";
import { exec } from "./exec.ts";
import { type LoadPlan, type LoadSettings, type Measurement, runLoad } from "./load.ts";

const BARE_SERVER = join(import.meta.dirname, "..", "servers", "bare-http.ts");

/** Starts the bare server, loads it with the list scenario's requests, stops it. */
export async function bareHttpCeiling(plan: LoadPlan, settings: LoadSettings) {
  const server = spawn(process.execPath, [BARE_SERVER], { stdio: ["ignore", "pipe", "inherit"] });
  const stop = () => {
    server.kill("SIGTERM");
  };
  onCleanup("stop the bare HTTP server", stop);
  const port = await new Promise<string>((resolve, reject) => {
    server.stdout.setEncoding("utf8").once("data", (chunk: string) => resolve(chunk.trim()));
    server.once("exit", (code) => reject(new Error(`bare HTTP server exited (${code})`)));
  });
  try {
    return await runLoad({ ...plan, baseUrl: `http://127.0.0.1:${port}` }, settings);
  } finally {
    stop();
  }
}

/** Title of the rows the insert ceiling writes, so they can be removed afterwards. */
export const CEILING_TITLE = "pgbench insert ceiling";

/**
 * `column` (timestamptz) as `2026-01-31T09:30:00.000Z`. pgbench reads any `:name` in a script as
 * a variable, even inside a string literal, so the format's colons are chr(58).
 */
const isoUtc = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24' || chr(58) || 'MI' || chr(58) || 'SS.MS"Z"')`;

/** Every field of a task's JSON as the API answers it (reminders without their job), by name. */
const TASK_FIELDS = `id, user_id, title, description, is_completed,
    (ARRAY['none', 'low', 'medium', 'high'])[priority + 1] AS priority,
    due_date, to_char(due_time, 'HH24' || chr(58) || 'MI') AS due_time, time_zone,
    ${isoUtc("due_at")} AS due_at,
    labels, recurrence, recurrence_from,
    coalesce(series_id, CASE WHEN recurrence IS NOT NULL THEN id END) AS series_id,
    next_occurrence_id,
    CASE WHEN reminders = '[]' THEN reminders ELSE (SELECT jsonb_agg(r - 'job_id' ORDER BY n)
      FROM jsonb_array_elements(reminders) WITH ORDINALITY AS x(r, n)) END AS reminders,
    ${isoUtc("created_at")} AS created_at, ${isoUtc("updated_at")} AS updated_at,
    NULL AS deleted_at`;

/**
 * The database work of one `GET /api/tasks` and of one create, each on its own, written here by
 * hand. The list: a random seeded user's first page, 50 tasks newest first, as one JSON text
 * holding every field of each task (json_agg of the page's rows, in the subquery's order), and
 * how many tasks they have (counted up to 10,000, as the API counts; the 51st task read saves the
 * second count for a user with 50 or fewer, and says whether more follow). The insert: one task's
 * seven plain columns (the others take their defaults), returning those seven; the table's
 * live-event trigger (a `task_events` row and a NOTIFY per statement) fires as for the API's
 * creates.
 */
export const SQL_CEILINGS = {
  "list SQL": `\\set u random(1, :users)
WITH page AS (
  SELECT * FROM tasks WHERE user_id = 'bench-user-' || :u
  ORDER BY created_at DESC, id DESC LIMIT 51
)
SELECT coalesce(
    (SELECT count(*)::int FROM page HAVING count(*) <= 50),
    (SELECT count(*)::int FROM (SELECT 1 FROM tasks WHERE user_id = 'bench-user-' || :u LIMIT 10001) AS capped)
  ) AS total,
  (SELECT coalesce(json_agg(shown), '[]')::text FROM (
    SELECT ${TASK_FIELDS}
    FROM page ORDER BY page.created_at DESC, page.id DESC LIMIT 50
  ) AS shown) AS items;
`,
  "insert SQL": `\\set u random(1, :users)
INSERT INTO tasks (id, user_id, title, description, is_completed, created_at, updated_at)
  VALUES (gen_random_uuid(), 'bench-user-' || :u, '${CEILING_TITLE}', NULL, false, now(), now())
  RETURNING id, user_id, title, description, is_completed, created_at, updated_at;
`,
} as const;

/**
 * The session settings the API's Postgres connections use, so the ceilings' statements are
 * planned as the API's are: one generic plan per prepared statement, no JIT.
 */
const SESSION_SETTINGS = { plan_cache_mode: "force_generic_plan", jit: "off" } as const;

export async function sqlCeiling(
  script: string,
  databaseUrl: string,
  users: number,
  settings: LoadSettings,
): Promise<Measurement> {
  const dir = mkdtempSync(join(tmpdir(), "taskline-pgbench-"));
  onCleanup("remove the pgbench logs", () => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, "script.sql");
  writeFileSync(file, script);
  const pgbench = (seconds: number, log: boolean) =>
    exec(
      "pgbench",
      [
        "--no-vacuum",
        `--client=${settings.connections}`,
        "--jobs=1",
        `--time=${Math.round(seconds)}`,
        "--protocol=prepared",
        `--define=users=${users}`,
        `--file=${file}`,
        ...(log ? ["--log", `--log-prefix=${join(dir, "tx")}`] : []),
        databaseUrl,
      ],
      // The API's own session settings (plan caching), so its statements are planned as there.
      { cwd: dir, env: { ...process.env, PGOPTIONS: pgOptions() } },
    );
  await pgbench(settings.warmupSeconds, false);
  const { stdout } = await pgbench(settings.durationSeconds, true);
  return summarize(stdout, dir);
}

function pgOptions(): string {
  return Object.entries(SESSION_SETTINGS)
    .map(([name, value]) => `-c ${name}=${value}`)
    .join(" ");
}

/** tps from pgbench's summary; p50/p99 from its per-transaction log (latency in µs, column 3). */
function summarize(stdout: string, dir: string): Measurement {
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1]);
  const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
  const latencies: number[] = [];
  for (const name of readdirSync(dir).filter((f) => f.startsWith("tx."))) {
    for (const line of readFileSync(join(dir, name), "utf8").split("\n")) {
      const micros = Number(line.split(" ")[2]);
      if (Number.isFinite(micros) && line !== "") latencies.push(micros);
    }
  }
  if (!Number.isFinite(tps) || latencies.length === 0) {
    throw new Error(`could not read pgbench's results:\n${stdout}`);
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(
      (latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0) / 10,
    ) / 100;
  return {
    requests: latencies.length,
    rps: Math.round(tps),
    p50_ms: at(0.5),
    p99_ms: at(0.99),
    max_ms: at(1),
    unexpected: failed,
  };
}
