import { cleanUpOnSignals, runCleanups } from "./cleanup.ts";

/**
 * Runs a benchmark's `main` and exits as every benchmark does: 0 when its bar was met, 1 when not,
 * 2 when the run failed; whatever it started is stopped first (also on Ctrl-C).
 */
export function runBench(main: () => Promise<boolean>) {
  cleanUpOnSignals();
  main()
    .then(async (met) => {
      await runCleanups();
      process.exit(met ? 0 : 1);
    })
    .catch(async (error: unknown) => {
      console.error(error);
      await runCleanups();
      process.exit(2);
    });
}
