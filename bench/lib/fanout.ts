// The fan-out scenario: how soon a change reaches the user's other devices. One live event stream
// (GET /api/events) per user, then creates at a steady rate, each for a random one of those users,
// noting when each create was answered and when its `task.created` arrived on that user's stream.
import { percentile } from "./bench-api.ts";
import type { RunHooks } from "./load.ts";

export type FanoutSettings = {
  baseUrl: string;
  /** One stream per token; each create carries one of them, at random. */
  tokens: string[];
  writesPerSecond: number;
  durationSeconds: number;
  warmupSeconds: number;
};

export type FanoutMeasurement = {
  streams: number;
  /** Creates sent in the measured run (the warm-up's are not counted). */
  writes: number;
  failed_writes: number;
  /** `task.created` events that arrived for the measured creates, duplicates included. */
  events: number;
  /** Answered creates whose event never arrived, and those whose event arrived more than once. */
  missing: number;
  duplicated: number;
  /** Delay from a create's answer to its event's first arrival. */
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
};

/** How long the streams may take to open, and how long late events are waited for at the end. */
const OPEN_TIMEOUT_MS = 60_000;
const LATE_EVENTS_MS = 2000;

export async function runFanout(
  settings: FanoutSettings,
  hooks: RunHooks = {},
): Promise<FanoutMeasurement> {
  const { baseUrl, tokens } = settings;
  const arrivals = new Map<string, number[]>();
  const stop = new AbortController();
  const streams = openStreams(`${baseUrl}/api/events`, tokens, arrivals, stop.signal);
  try {
    await streams.ready;
    const writer = (seconds: number) =>
      createSteadily(baseUrl, tokens, settings.writesPerSecond, seconds);
    await writer(settings.warmupSeconds);
    hooks.beforeMeasured?.();
    const measured = await writer(settings.durationSeconds);
    await new Promise((resolve) => setTimeout(resolve, LATE_EVENTS_MS));
    hooks.afterMeasured?.();
    return summarize(tokens.length, measured, arrivals);
  } finally {
    stop.abort();
    await streams.done;
  }
}

/** Opens every stream; `ready` settles once each has said `ready`, or on the first refusal. */
function openStreams(
  url: string,
  tokens: string[],
  arrivals: Map<string, number[]>,
  signal: AbortSignal,
) {
  let opened = 0;
  let markReady = () => {};
  let refuse: (error: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    refuse = reject;
  });
  const timer = setTimeout(
    () => refuse(new Error(`fanout: ${opened} of ${tokens.length} streams open after 60 s`)),
    OPEN_TIMEOUT_MS,
  );
  const onReady = () => {
    opened += 1;
    if (opened === tokens.length) {
      clearTimeout(timer);
      markReady();
    }
  };
  const followed = tokens.map((token) =>
    follow(url, token, arrivals, onReady, signal).catch((error: unknown) => {
      if (!signal.aborted) refuse(error instanceof Error ? error : new Error(String(error)));
    }),
  );
  const done = Promise.allSettled(followed).then(() => clearTimeout(timer));
  return { ready, done };
}

/** Reads one user's stream, noting when each task.created event arrives (by task id). */
async function follow(
  url: string,
  token: string,
  arrivals: Map<string, number[]>,
  ready: () => void,
  signal: AbortSignal,
) {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal });
  if (!response.ok || !response.body) {
    throw new Error(`fanout: stream refused: ${response.status} ${await response.text()}`);
  }
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
        const seen = arrivals.get(id);
        if (seen) seen.push(Date.now());
        else arrivals.set(id, [Date.now()]);
      }
    }
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}

type Writes = { sent: number; failed: number; answered: Map<string, number> };

/** Creates `perSecond` tasks a second for `seconds`, each by a random user; when each was answered. */
async function createSteadily(
  baseUrl: string,
  tokens: string[],
  perSecond: number,
  seconds: number,
): Promise<Writes> {
  const writes: Writes = { sent: Math.round(perSecond * seconds), failed: 0, answered: new Map() };
  const pending: Promise<void>[] = [];
  const started = Date.now();
  for (let n = 0; n < writes.sent; n += 1) {
    const wait = started + (n * 1000) / perSecond - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const token = tokens[Math.floor(Math.random() * tokens.length)] ?? "";
    const create = fetch(`${baseUrl}/api/tasks`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ title: `Live ${n}` }),
    }).then(async (response) => {
      const at = Date.now();
      const body = (await response.json()) as { id?: string };
      if (response.status === 201 && body.id) writes.answered.set(body.id, at);
      else writes.failed += 1;
    });
    pending.push(
      create.catch(() => {
        writes.failed += 1;
      }),
    );
  }
  await Promise.all(pending);
  return writes;
}

function summarize(
  streams: number,
  writes: Writes,
  arrivals: Map<string, number[]>,
): FanoutMeasurement {
  const delays: number[] = [];
  let events = 0;
  let missing = 0;
  let duplicated = 0;
  for (const [id, at] of writes.answered) {
    const seen = arrivals.get(id) ?? [];
    events += seen.length;
    if (seen.length === 0) missing += 1;
    if (seen.length > 1) duplicated += 1;
    if (seen[0] !== undefined) delays.push(seen[0] - at);
  }
  delays.sort((a, b) => a - b);
  return {
    streams,
    writes: writes.sent,
    failed_writes: writes.failed,
    events,
    missing,
    duplicated,
    p50_ms: percentile(delays, 50),
    p99_ms: percentile(delays, 99),
    max_ms: delays.at(-1) ?? Number.NaN,
  };
}
