// Everything the benchmark starts registers how to undo it here. `runCleanups` undoes it all in
// reverse order — on success, on failure and on Ctrl-C / SIGTERM — so nothing is left running.

type Cleanup = { name: string; undo: () => Promise<void> | void };

const cleanups: Cleanup[] = [];
/** Run before everything else (e.g. killing load generators before their target goes away). */
const early: Cleanup[] = [];
let running: Promise<void> | undefined;

export function onCleanup(
  name: string,
  undo: () => Promise<void> | void,
  options: { early?: boolean } = {},
): void {
  (options.early ? early : cleanups).push({ name, undo });
}

export function runCleanups(): Promise<void> {
  running ??= (async () => {
    cleanups.push(...early.splice(0));
    for (let next = cleanups.pop(); next; next = cleanups.pop()) {
      try {
        await next.undo();
      } catch (error) {
        console.error(`[bench] cleanup "${next.name}" failed: ${(error as Error).message}`);
      }
    }
  })();
  return running;
}

/** On SIGINT/SIGTERM: undo everything, then exit with the conventional 128+signal code. */
export function cleanUpOnSignals(): void {
  const stop = (signal: NodeJS.Signals, code: number) => {
    console.error(`\n[bench] ${signal}: stopping and cleaning up…`);
    void runCleanups().finally(() => process.exit(code));
  };
  process.once("SIGINT", () => stop("SIGINT", 130));
  process.once("SIGTERM", () => stop("SIGTERM", 143));
}
