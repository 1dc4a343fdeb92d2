// The benchmark's settings: fixed (64 connections, 1,000 users × 20 tasks), with the
// durations and the database server configurable from the environment.

/** The scenarios loaded by wrk, each held to the p99 bar and compared with a ceiling. */
export const WRK_SCENARIOS = [
  "list",
  "toggle",
  "rejected",
  "filtered",
  "due",
  "search",
  "search-10k",
  "create",
  "noisy",
] as const;
export type WrkScenario = (typeof WRK_SCENARIOS)[number];

/** Every scenario: wrk's, and the live events' fan-out (lib/fanout.ts), with a bar of its own. */
export const SCENARIOS = [...WRK_SCENARIOS, "fanout"] as const;
export type Scenario = (typeof SCENARIOS)[number];

export type BenchConfig = {
  /** A server where the benchmark may create and drop its own database. */
  adminUrl: string;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  users: number;
  tasksPerUser: number;
  /** Tasks of the one user whose search is the search-10k scenario. */
  searcherTasks: number;
  /** Tasks of the one heavy user of the noisy-neighbour scenario. */
  heavyUserTasks: number;
  /** wrk connections of that user, listing at full speed beside the ordinary users. */
  heavyUserConnections: number;
  /** Creates a second of the fan-out scenario, spread over the users' open streams. */
  fanoutWritesPerSecond: number;
  scenarios: Scenario[];
};

function seconds(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw.replace(/s$/, ""));
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a positive number of seconds (got "${raw}")`);
  }
  return value;
}

function scenarios(): Scenario[] {
  const raw = process.env.BENCH_ONLY?.trim();
  if (!raw) return [...SCENARIOS];
  const picked = raw.split(",").map((s) => s.trim());
  const unknown = picked.filter((s) => !(SCENARIOS as readonly string[]).includes(s));
  if (unknown.length > 0) {
    throw new Error(
      `BENCH_ONLY: unknown scenario(s) ${unknown.join(", ")}; use ${SCENARIOS.join(",")}`,
    );
  }
  return SCENARIOS.filter((s) => picked.includes(s));
}

export function loadConfig(): BenchConfig {
  return {
    adminUrl:
      process.env.BENCH_DATABASE_URL?.trim() || "postgres://postgres@127.0.0.1:5432/postgres",
    connections: 64,
    durationSeconds: seconds("BENCH_DURATION", 15),
    warmupSeconds: seconds("BENCH_WARMUP", 3),
    users: 1000,
    tasksPerUser: 20,
    searcherTasks: 10_000,
    heavyUserTasks: 500_000,
    heavyUserConnections: 8,
    fanoutWritesPerSecond: 200,
    scenarios: scenarios(),
  };
}
