// `npm run bench:reminders`: how soon reminders go out when 10,000 of them fall due in the same
// minute. Builds the API and starts it as `npm run bench` does (its `start:prod` command, on a
// throwaway database, trusting a local JWKS), but in development mode with PUSH_ALLOW_LOOPBACK, since
// production never pushes to loopback; seeds 10,000 users, each with one browser subscribed (a push
// service of the benchmark's own on loopback, one address per browser) and one task whose reminder
// fires within the minute starting about 20 s ahead, spread evenly; then records when each push
// arrives. Bar: every reminder delivered exactly once, p99 of (arrival − its fires_at) ≤ 5 s.
// Env: BENCH_DATABASE_URL, BENCH_REMINDERS (default 10000), BENCH_REMINDER_SPREAD (seconds the
// moments are spread over, default 60; 0: all at one instant).
import { createECDH, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { peakMemory } from "./lib/api-process.ts";
import { percentile, startBenchApi } from "./lib/bench-api.ts";
import { onCleanup } from "./lib/cleanup.ts";
import { runBench } from "./lib/run-bench.ts";

const log = (message: string) => console.log(`[bench:reminders] ${message}`);

const REMINDERS = Number(process.env.BENCH_REMINDERS ?? 10_000);
const SPREAD_MS = Number(process.env.BENCH_REMINDER_SPREAD ?? 60) * 1000;
const LEAD_SECONDS = 20;
const MAX_P99_MS = 5000;

type Arrival = { path: string; at: number };

/** A push service on loopback that answers 201 and notes when each push came, for which browser. */
async function startReceiver() {
  const arrivals: Arrival[] = [];
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      arrivals.push({ path: request.url ?? "", at: Date.now() });
      response.writeHead(201).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  onCleanup("stop the push receiver", async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, arrivals };
}

async function main(): Promise<boolean> {
  const { db, api } = await startBenchApi(log, {
    APP_ENV: "development",
    NODE_ENV: "production",
    PUSH_ALLOW_LOOPBACK: "true",
  });
  const receiver = await startReceiver();

  // One browser key pair for every user: the API encrypts each push for it all the same.
  const browser = createECDH("prime256v1");
  browser.generateKeys();
  const p256dh = browser.getPublicKey().toString("base64url");
  const auth = randomBytes(16).toString("base64url");
  const users = Array.from({ length: REMINDERS }, (_, i) => `bench-reminder-user-${i}`);
  for (let from = 0; from < users.length; from += 5000) {
    await db.sql`insert into push_subscriptions ${db.sql(
      users
        .slice(from, from + 5000)
        .map((user) => ({ endpoint: `${receiver.url}/push/${user}`, user_id: user, p256dh, auth })),
    )}`;
  }
  const start = new Date(Math.ceil(Date.now() / 60_000) * 60_000);
  if (start.getTime() - Date.now() < LEAD_SECONDS * 1000) start.setTime(start.getTime() + 60_000);
  /** When user i's reminder fires: spread evenly over the minute from `start`. */
  const firesAt = (i: number) => start.getTime() + Math.floor((i * SPREAD_MS) / REMINDERS);
  log(
    `seeding ${REMINDERS.toLocaleString("en")} tasks whose reminders fire from ${start.toISOString()} over ${SPREAD_MS / 1000} s…`,
  );
  const started = Date.now();
  await db.sql`insert into tasks (user_id, title, reminders)
    select 'bench-reminder-user-' || n, 'Reminder ' || n,
      jsonb_build_array(jsonb_build_object('offset_minutes', null, 'at',
        to_char(to_timestamp((${start.getTime()}::bigint + (n::bigint * ${SPREAD_MS}) / ${REMINDERS}) / 1000.0)
          at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
    from generate_series(0, ${REMINDERS - 1}) as n`;
  log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s; waiting for the pushes…`);

  const deadline = start.getTime() + SPREAD_MS + 60_000;
  while (receiver.arrivals.length < REMINDERS && Date.now() < deadline) {
    await new Promise((wait) => setTimeout(wait, 200));
  }
  await new Promise((wait) => setTimeout(wait, 2000)); // any duplicate would come now
  const memory = peakMemory(api.pid);
  const perUser = new Map<string, number>();
  for (const { path } of receiver.arrivals) perUser.set(path, (perUser.get(path) ?? 0) + 1);
  const wrongUsers = [...perUser.values()].filter((count) => count !== 1).length;
  const delays = receiver.arrivals
    .map(({ path, at }) => at - firesAt(Number(path.split("-").at(-1))))
    .sort((a, b) => a - b);
  const sent = await db.sql<{ n: number }[]>`select count(*)::int as n from tasks,
    jsonb_array_elements(reminders) r where r->>'sent_at' is not null`;
  const figures = {
    reminders: REMINDERS,
    arrived: receiver.arrivals.length,
    recorded_sent: sent[0]?.n ?? 0,
    browsers_with_a_wrong_count: wrongUsers + (REMINDERS - perUser.size),
    first_ms: delays[0] ?? Number.NaN,
    p50_ms: percentile(delays, 50),
    p99_ms: percentile(delays, 99),
    last_ms: delays.at(-1) ?? Number.NaN,
    api_peak_mb: Math.max(...memory.map((m) => m.mb)),
  };
  console.log(JSON.stringify(figures, null, 2));
  const met =
    figures.arrived === REMINDERS &&
    figures.recorded_sent === REMINDERS &&
    figures.browsers_with_a_wrong_count === 0 &&
    figures.p99_ms <= MAX_P99_MS;
  log(met ? `bar met (p99 ≤ ${MAX_P99_MS} ms, each once)` : "bar NOT met");
  return met;
}

runBench(main);
