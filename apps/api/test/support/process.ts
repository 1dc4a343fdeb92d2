import { type ChildProcess, spawn } from "node:child_process";

/**
 * The real entry point (src/index.ts) in its own Node process, its stdout and stderr collected,
 * and the JSON lines it logs.
 */

const ENTRY = new URL("../../src/index.ts", import.meta.url).pathname;

export type Booted = {
  child: ChildProcess;
  /** The URL of the first process that listens. */
  url: string;
  output: () => string;
  exited: Promise<number | null>;
};

/**
 * Starts `node src/index.ts` with only PATH and this environment; resolves once it listens.
 * `processGroup`: in a process group of its own, which `process.kill(-pid, signal)` signals whole,
 * as a terminal's Ctrl-C or systemd does.
 */
export function boot(env: Record<string, string>, { processGroup = false } = {}): Promise<Booted> {
  const child = spawn(process.execPath, [ENTRY], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: processGroup,
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /"url":"(http:\/\/[^"]+)"/.exec(output)?.[1];
      if (url) resolve({ child, url, output: () => output, exited });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exited.then((code) =>
      reject(new Error(`exited with ${code} before listening:\n${output}`)),
    );
  });
}

/** The complete JSON log lines with this message so far. */
export function logged(booted: Booted, msg: string): Record<string, unknown>[] {
  const lines = booted.output().split("\n").slice(0, -1);
  return lines
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.msg === msg);
}

export async function waitForLogged(booted: Booted, msg: string, count: number) {
  while (logged(booted, msg).length < count) await new Promise((r) => setTimeout(r, 20));
  return logged(booted, msg);
}

export const LISTENING = "Taskline API listening";
