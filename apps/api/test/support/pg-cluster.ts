import { execFile } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Where Debian puts PostgreSQL 15's programs (not on PATH). */
const BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

export type PgCluster = {
  /** A `postgres://` URL of the cluster's `postgres` database. */
  url: string;
  /** `pg_ctl restart -m <mode>`, waiting until it accepts connections again. */
  restart(mode: "fast" | "immediate"): Promise<void>;
  stop(): Promise<void>;
};

/**
 * A throwaway PostgreSQL cluster of the test's own (initdb + pg_ctl on a free port, its socket in
 * its own directory), for tests that stop and crash the server. Never the shared one on :5432.
 * Postgres refuses to run as root: as root, its programs run as the `postgres` user.
 */
export async function startCluster(): Promise<PgCluster> {
  const dir = mkdtempSync(join(tmpdir(), "taskline-pg-"));
  const data = join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: group } = await run("id", ["-g", "postgres"]);
    chownSync(dir, Number(stdout.trim()), Number(group.trim()));
  }
  const pg = (program: string, args: string[]) =>
    asRoot
      ? run("runuser", ["-u", "postgres", "--", join(BIN, program), ...args])
      : run(join(BIN, program), args);
  const port = await freePort();
  await pg("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`;
  const ctl = (...args: string[]) =>
    pg("pg_ctl", ["-D", data, "-o", options, "-l", join(dir, "log"), "-w", ...args]);
  await ctl("start");
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: async (mode) => {
      await ctl("restart", "-m", mode);
    },
    stop: async () => {
      await ctl("stop", "-m", "immediate").catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
