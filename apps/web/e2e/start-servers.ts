// The end-to-end suite's web server command: the repository's `npm start` (scripts/start.ts),
// as a user runs it, on a fresh data directory (removed on exit) so no run depends on an earlier
// one. With TEST_DATABASE_URL set, both apps share a fresh PostgreSQL database
// (DATABASE_URL; dropped again on exit) instead of their embedded PGlite databases, so the
// Postgres pass of CI drives the browser against Postgres too.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const serverUrl = process.env.TEST_DATABASE_URL;
const dataDir = mkdtempSync(join(tmpdir(), "taskline-e2e-"));
const env: NodeJS.ProcessEnv = { ...process.env, APP_ENV: "development", DATA_DIR: dataDir };
let dropDatabase = async () => {};

if (serverUrl) {
  const name = `taskline_e2e_${randomUUID().replaceAll("-", "")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  dropDatabase = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
}

const child = spawn(process.execPath, ["scripts/start.ts"], {
  cwd: repoRoot,
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => {
  rmSync(dataDir, { recursive: true, force: true });
  dropDatabase()
    .catch((error: unknown) => console.error(`[e2e] could not drop the test database: ${error}`))
    .finally(() => process.exit(code ?? (signal ? 1 : 0)));
});
