// Runs a program to completion and collects its output. Every child still running when the
// benchmark cleans up (failure, Ctrl-C) is killed, so no wrk or pgbench outlives the run.
import { type ChildProcess, spawn } from "node:child_process";
import { onCleanup } from "./cleanup.ts";

const live = new Set<ChildProcess>();
onCleanup(
  "stop the load generators",
  () => {
    for (const child of live) child.kill("SIGKILL");
  },
  { early: true },
);

export type Output = { stdout: string; stderr: string };

export function exec(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Output> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    live.add(child);
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", (error) => {
      live.delete(child);
      reject(error);
    });
    child.on("close", (code, signal) => {
      live.delete(child);
      if (code === 0) resolve({ stdout, stderr });
      else {
        const why = signal ?? `exit code ${code}`;
        reject(new Error(`${command} ${args.join(" ")} failed (${why}):\n${stderr || stdout}`));
      }
    });
  });
}
