// The external programs the benchmark drives: wrk (load generator, Debian package `wrk`) and
// pgbench (ships with the PostgreSQL server). A missing wrk is installed with apt-get when we are root.
import { spawnSync } from "node:child_process";

function version(command: string, args: string[]): string | undefined {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.error) return undefined;
  return `${result.stdout}${result.stderr}`.trim().split("\n")[0];
}

function aptInstall(pkg: string): void {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || version("apt-get", ["--version"]) === undefined) {
    throw new Error(
      `\`${pkg}\` is not installed: run \`sudo apt-get install -y ${pkg}\`, then retry`,
    );
  }
  console.log(`[bench] installing ${pkg} with apt-get…`);
  for (const args of [
    ["install", "-y", "-qq", pkg],
    ["update", "-qq"],
    ["install", "-y", "-qq", pkg],
  ]) {
    const result = spawnSync("apt-get", args, {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    // The first install may fail on a stale package list; update and try once more.
    if (args[0] === "install" && result.status === 0) return;
  }
  throw new Error(`apt-get could not install ${pkg}`);
}

/** Returns the versions of wrk and pgbench, installing wrk first if it is missing. */
export function ensureTools(): { wrk: string; pgbench: string } {
  let wrk = version("wrk", ["-v"]);
  if (wrk === undefined) {
    aptInstall("wrk");
    wrk = version("wrk", ["-v"]);
  }
  const pgbench = version("pgbench", ["--version"]);
  if (wrk === undefined) throw new Error("wrk is still missing after installing it");
  if (pgbench === undefined) {
    throw new Error("pgbench (part of the PostgreSQL server packages) is not on PATH");
  }
  return { wrk: wrk.replace(/ \[.*$/, ""), pgbench };
}
