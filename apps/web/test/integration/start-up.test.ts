import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";

const run = promisify(execFile);
const webRoot = fileURLToPath(new URL("../..", import.meta.url));

/** Runs the web server's start-up (src/instrumentation.ts → startAuth) in a fresh Node process. */
async function startUp(env: Record<string, string>) {
  const script =
    'const { startAuth } = await import("./src/lib/start-auth.ts"); await startAuth(); process.exit(0);';
  try {
    const { stderr } = await run(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      {
        cwd: webRoot,
        env: { PATH: process.env.PATH ?? "", NODE_ENV: "test", ...env },
        timeout: 60_000,
      },
    );
    return { code: 0, stderr };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "taskline-start-"));
  dirs.push(dir);
  return dir;
};

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("start-up", () => {
  it("refuses to start in production without BETTER_AUTH_SECRET and says so", async () => {
    const result = await startUp({ APP_ENV: "production", DATA_DIR: tempDir() });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "Taskline web cannot start: BETTER_AUTH_SECRET is required when APP_ENV=production",
    );
  });

  it("in development generates a secret once into DATA_DIR/dev-secret (0600) and migrates", async () => {
    const dataDir = tempDir();

    const first = await startUp({ APP_ENV: "development", DATA_DIR: dataDir });
    const secret = readFileSync(join(dataDir, "dev-secret"), "utf8");
    const second = await startUp({ APP_ENV: "development", DATA_DIR: dataDir });

    expect([first.code, second.code]).toEqual([0, 0]);
    expect(statSync(join(dataDir, "dev-secret")).mode & 0o777).toBe(0o600);
    expect(secret).toHaveLength(43);
    expect(readFileSync(join(dataDir, "dev-secret"), "utf8")).toBe(secret);
    expect(statSync(join(dataDir, "web", "PG_VERSION")).isFile()).toBe(true);
  });
});
