// Drives HTTP load with wrk (one thread, N keep-alive connections, fixed duration) from its own
// process, after a warm-up run whose figures are thrown away.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { onCleanup } from "./cleanup.ts";
import { exec } from "./exec.ts";

const SCRIPT = join(import.meta.dirname, "wrk-scenario.lua");
const workDir = mkdtempSync(join(tmpdir(), "taskline-bench-"));
onCleanup("remove the request files", () => rmSync(workDir, { recursive: true, force: true }));

/** One request of a scenario; the list is sent in rotation. */
export type PlannedRequest = { token: string; path: string; body?: string };

export type LoadPlan = {
  name: string;
  baseUrl: string;
  method: "GET" | "POST" | "PATCH";
  expectStatus: number;
  requests: PlannedRequest[];
};

export type Measurement = {
  requests: number;
  rps: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  unexpected: number;
};

export type LoadSettings = { connections: number; durationSeconds: number; warmupSeconds: number };

/** Called around the measured run only (not the warm-up). */
export type RunHooks = { beforeMeasured?: () => void; afterMeasured?: () => void };

export async function runLoad(
  plan: LoadPlan,
  settings: LoadSettings,
  hooks: RunHooks = {},
): Promise<Measurement> {
  const file = join(workDir, `${plan.name}.tsv`);
  writeFileSync(
    file,
    plan.requests.map((r) => `${r.token}\t${r.path}\t${r.body ?? ""}\n`).join(""),
  );
  const env = {
    ...process.env,
    BENCH_REQUESTS: file,
    BENCH_METHOD: plan.method,
    BENCH_EXPECT: String(plan.expectStatus),
  };
  const wrk = (seconds: number) =>
    exec("wrk", ["-t1", `-c${settings.connections}`, `-d${seconds}s`, "-s", SCRIPT, plan.baseUrl], {
      env,
    });
  await wrk(settings.warmupSeconds);
  hooks.beforeMeasured?.();
  const { stdout } = await wrk(settings.durationSeconds);
  hooks.afterMeasured?.();
  return parse(stdout);
}

function parse(stdout: string): Measurement {
  const line = stdout.split("\n").find((l) => l.startsWith("BENCH_RESULT "));
  if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
  const r = JSON.parse(line.slice("BENCH_RESULT ".length)) as Record<string, number>;
  const ms = (us: number | undefined) => Math.round((us ?? 0) / 10) / 100;
  const requests = r.requests ?? 0;
  return {
    requests,
    rps: Math.round(requests / ((r.duration_us ?? 1) / 1e6)),
    p50_ms: ms(r.p50_us),
    p99_ms: ms(r.p99_us),
    max_ms: ms(r.max_us),
    unexpected: (r.unexpected ?? 0) + (r.socket_errors ?? 0),
  };
}
