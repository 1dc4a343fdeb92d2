import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";

/** A port nothing listens on right now. */
export function sparePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A replica (or nginx) in its own process: its output kept, started and stopped again at will. */
export class Replica {
  readonly name: string;
  readonly url: string;
  #child: ChildProcess | undefined;
  #output = "";
  readonly #start: () => ChildProcess;
  readonly #readyPath: string;

  constructor(options: {
    name: string;
    url: string;
    readyPath: string;
    start: () => ChildProcess;
  }) {
    this.name = options.name;
    this.url = options.url;
    this.#start = options.start;
    this.#readyPath = options.readyPath;
  }

  /** Starts it and resolves once `readyPath` answers 200 (or rejects after `timeoutMs`). */
  async start(timeoutMs = 120_000) {
    const child = this.#start();
    this.#child = child;
    child.stdout?.on("data", (chunk: Buffer) => this.#keep(chunk));
    child.stderr?.on("data", (chunk: Buffer) => this.#keep(chunk));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        throw new Error(`${this.name} exited with ${child.exitCode}:\n${this.output()}`);
      }
      const status = await fetch(`${this.url}${this.#readyPath}`).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200) return;
      await sleep(250);
    }
    throw new Error(`${this.name} was not ready after ${timeoutMs} ms:\n${this.output()}`);
  }

  #keep(chunk: Buffer) {
    this.#output = (this.#output + chunk.toString()).slice(-20_000);
  }

  output() {
    return this.#output;
  }

  /** Sends the signal and resolves with the exit code once it exited. */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null)
      return child?.exitCode ?? null;
    const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
    child.kill(signal);
    return exited;
  }
}

/** `command args…` with this environment (PATH kept), output piped. */
export const run = (command: string, args: string[], env: Record<string, string>, cwd: string) =>
  spawn(command, args, {
    cwd,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
