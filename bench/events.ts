// `npm run bench:events`: how soon a change reaches the user's other devices. Builds the API and
// starts it as `npm run bench` does (production, on a throwaway database, trusting a local JWKS),
// opens one live event stream (GET /api/events) for each of 1,000 users, then creates tasks at 200
// a second for 15 s, each for a random one of those users, and notes when each create was answered
// and when its `task.created` event arrived on the user's stream. Bar: every event arrives once, p99
// of (arrival − answer) ≤ 250 ms. Env: BENCH_DATABASE_URL, BENCH_DURATION (s, default 15).
import { peakMemory } from "./lib/api-process.ts";
import { percentile, startBenchApi } from "./lib/bench-api.ts";
import { runBench } from "./lib/run-bench.ts";

const log = (message: string) => console.log(`[bench:events] ${message}`);

const USERS = 1000;
const WRITES_PER_SECOND = 200;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 15);
const MAX_P99_MS = 250;

/** Reads one user's stream, noting when each task.created event arrives (by task id). */
async function follow(
  url: string,
  token: string,
  arrivals: Map<string, number[]>,
  ready: () => void,
  signal: AbortSignal,
) {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal });
  if (!response.ok || !response.body) throw new Error(`stream refused: ${response.status}`);
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk, { stream: true });
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf("\n\n");
        if (block.includes("event: ready")) ready();
        if (!block.includes("event: task.created")) continue;
        const data = block.split("\n").find((line) => line.startsWith("data: "));
        const id = (JSON.parse(data?.slice(6) ?? "{}") as { id?: string }).id ?? "";
        arrivals.set(id, [...(arrivals.get(id) ?? []), Date.now()]);
      }
    }
  } catch {
    // aborted at the end
  }
}

async function main(): Promise<boolean> {
  const { identity, api } = await startBenchApi(log, {});
  const { valid: tokens } = await identity.sign(USERS, 900);

  const arrivals = new Map<string, number[]>();
  const stop = new AbortController();
  let readyCount = 0;
  let resolveReady = () => {};
  const allReady = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  const streams = tokens.map((token) =>
    follow(
      `${api.baseUrl}/api/events`,
      token,
      arrivals,
      () => {
        readyCount += 1;
        if (readyCount === USERS) resolveReady();
      },
      stop.signal,
    ),
  );
  await allReady;
  log(`${USERS} streams open; creating ${WRITES_PER_SECOND} tasks a second for ${DURATION_S} s…`);

  const answered = new Map<string, number>();
  let failed = 0;
  const writes: Promise<void>[] = [];
  const total = WRITES_PER_SECOND * DURATION_S;
  const started = Date.now();
  for (let n = 0; n < total; n += 1) {
    const due = started + (n * 1000) / WRITES_PER_SECOND;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const token = tokens[Math.floor(Math.random() * USERS)] ?? "";
    writes.push(
      fetch(`${api.baseUrl}/api/tasks`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ title: `Live ${n}` }),
      }).then(async (response) => {
        const at = Date.now();
        const body = (await response.json()) as { id?: string };
        if (response.status === 201 && body.id) answered.set(body.id, at);
        else failed += 1;
      }),
    );
  }
  await Promise.all(writes);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const memory = peakMemory(api.pid);
  stop.abort();
  await Promise.allSettled(streams);

  const delays: number[] = [];
  let missing = 0;
  let duplicated = 0;
  for (const [id, at] of answered) {
    const seen = arrivals.get(id) ?? [];
    if (seen.length === 0) missing += 1;
    if (seen.length > 1) duplicated += 1;
    if (seen[0] !== undefined) delays.push(seen[0] - at);
  }
  delays.sort((a, b) => a - b);
  const figures = {
    streams: USERS,
    writes: total,
    failed_writes: failed,
    events_missing: missing,
    events_duplicated: duplicated,
    p50_ms: percentile(delays, 50),
    p99_ms: percentile(delays, 99),
    max_ms: delays.at(-1) ?? Number.NaN,
    api_peak_mb: Math.max(...memory.map((m) => m.mb)),
  };
  console.log(JSON.stringify(figures, null, 2));
  const met = failed === 0 && missing === 0 && duplicated === 0 && figures.p99_ms <= MAX_P99_MS;
  log(met ? `bar met (p99 ≤ ${MAX_P99_MS} ms, each event once)` : "bar NOT met");
  return met;
}

runBench(main);
