// The API as production runs it: `npm run build -w @taskline/api`, then its `start:prod` command in
// apps/api with NODE_ENV=production and APP_ENV=production, in its own process group so that it and
// any workers it forks are stopped together. Its peak memory is read from /proc (VmHWM).
import { type ChildProcess, spawn } from "node:child_process";
import {
  closeSync,
  fstatSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import webpush from "web-push";
import { onCleanup } from "./cleanup.ts";
import { exec } from "./exec.ts";

const API_DIR = join(import.meta.dirname, "..", "..", "apps", "api");

export async function buildApi(): Promise<void> {
  await exec("npm", ["run", "build", "-w", "@taskline/api"], { cwd: join(API_DIR, "..", "..") });
}

export type ApiProcess = { baseUrl: string; pid: number; recentOutput: () => string };

export async function startApi(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  // BENCH_API_NODE_ARGS: extra node flags for the API, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  // The API's stdout and stderr go to a file (BENCH_API_LOG, or a temporary one), as a service
  // manager's journal would take them. Through a pipe, this process (on the same two cores) woke
  // for every 8 KB of log lines to drain them, ~12,000 lines/s in the rejected scenario.
  const logPath = process.env.BENCH_API_LOG ?? temporaryLogPath();
  const logFd = openSync(logPath, "w");
  const child = spawn(process.execPath, [...nodeArgs, ...startProdArgs()], {
    cwd: API_DIR,
    detached: true,
    stdio: ["ignore", logFd, logFd],
    env: {
      // Per-user limits on but far above the bench's load: requests are counted, never refused.
      RATE_LIMIT_REQUESTS_PER_MINUTE: "1000000",
      RATE_LIMIT_WRITES_PER_MINUTE: "1000000",
      // Production refuses to start without VAPID keys: a pair made for this run.
      ...vapidVariables(),
      ...process.env,
      NODE_ENV: "production",
      APP_ENV: "production",
      ...env,
      PORT: port,
    },
  });
  closeSync(logFd);
  onCleanup("stop the API", () => stopGroup(child));
  const api = {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    recentOutput: () => tailOf(logPath),
  };
  await waitReady(api, child);
  return api;
}

function vapidVariables() {
  const { publicKey, privateKey } = webpush.generateVAPIDKeys();
  return {
    VAPID_PUBLIC_KEY: publicKey,
    VAPID_PRIVATE_KEY: privateKey,
    VAPID_SUBJECT: "mailto:bench@example.com",
  };
}

function temporaryLogPath(): string {
  const dir = mkdtempSync(join(tmpdir(), "taskline-bench-"));
  onCleanup("remove the API's log", () => rmSync(dir, { recursive: true, force: true }));
  return join(dir, "api.log");
}

/** The last 8 KB of the API's output, for error reports: read from the end, not the whole log. */
function tailOf(path: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const { size } = fstatSync(fd);
    const length = Math.min(size, 8192);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    return buffer.toString("utf8");
  } catch {
    return "";
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The arguments of `node` in apps/api's `start:prod` script (e.g. `node --flag dist/index.js`). */
function startProdArgs(): string[] {
  const pkg = JSON.parse(readFileSync(join(API_DIR, "package.json"), "utf8")) as {
    scripts?: Record<string, string>;
  };
  const [command, ...args] = (pkg.scripts?.["start:prod"] ?? "").trim().split(/\s+/);
  if (command !== "node" || args.length === 0) {
    throw new Error(`apps/api's start:prod is not "node … <entry>": ${command ?? "(missing)"}`);
  }
  return args;
}

async function waitReady(api: ApiProcess, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `the API exited (${child.exitCode}) before it was ready:\n${api.recentOutput()}`,
      );
    }
    const ok = await fetch(`${api.baseUrl}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the API was not ready within 60 s:\n${api.recentOutput()}`);
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), s);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
  signal("SIGKILL"); // any worker the primary left behind
}

/** Peak resident memory (VmHWM) of the API process and every descendant, in MB. */
/** The API's processes: `rootPid` and its descendants (cluster workers). */
function processTree(rootPid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // the process ended while we looked
    }
  }
  const inTree = (pid: number): boolean =>
    pid === rootPid || (pid > 1 && parents.has(pid) && inTree(parents.get(pid) as number));
  return [...parents.keys()].filter(inTree).sort((a, b) => a - b);
}

/** Each API process's peak resident memory (VmHWM). */
export function peakMemory(rootPid: number): { pid: number; mb: number }[] {
  const result: { pid: number; mb: number }[] = [];
  for (const pid of processTree(rootPid)) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
      if (Number.isFinite(kb)) result.push({ pid, mb: Math.round(kb / 102.4) / 10 });
    } catch {
      // ended
    }
  }
  return result;
}

/** Kernel clock ticks per second, as /proc/<pid>/stat counts CPU time (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds (user + system) the API's processes have used so far. Per request, it compares
 * builds far more steadily than throughput when other work shares the machine.
 */
export function cpuSeconds(rootPid: number): number {
  let ticks = 0;
  for (const pid of processTree(rootPid)) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      // utime and stime: fields 14 and 15 of stat(5), 12 and 13 after "pid (comm) ".
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // ended
    }
  }
  return ticks / TICKS_PER_SECOND;
}

function freePort(): Promise<string> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(String(port)));
    });
  });
}
