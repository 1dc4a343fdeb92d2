// `npm start`: builds and starts the whole product on one machine — the task API on :8000 and the
// web app on :3000 — with embedded databases under .data/ and development secrets generated there.
// Ctrl-C (or SIGTERM) stops both. Any variable already set in the environment wins over the defaults.
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { loadDevSecret } from "../apps/web/src/lib/dev-secret.ts";

const root = resolve(import.meta.dirname, "..");
const nextBin = createRequire(join(root, "apps/web/package.json")).resolve("next/dist/bin/next");

const env: NodeJS.ProcessEnv = {
  ...process.env,
  APP_ENV: process.env.APP_ENV ?? "development",
  DATA_DIR: resolve(process.env.DATA_DIR ?? join(root, ".data")),
};

// In hs256 mode the API must verify with the very secret the web app signs with.
if (env.JWT_MODE === "hs256" && !env.JWT_SECRET) {
  env.JWT_SECRET = env.BETTER_AUTH_SECRET ?? loadDevSecret(env.DATA_DIR as string);
}

const children = new Set<ChildProcess>();
let stopping = false;

function run(name: string, args: string[], cwd: string): ChildProcess {
  const child = spawn(process.execPath, args, { cwd, env, stdio: "inherit" });
  children.add(child);
  child.on("exit", (code, signal) => {
    children.delete(child);
    if (!stopping) {
      console.error(`[start] ${name} exited (${signal ?? code}); stopping everything.`);
      stop(typeof code === "number" && code !== 0 ? code : 1);
    } else if (children.size === 0) {
      process.exit(process.exitCode ?? 0);
    }
  });
  return child;
}

function stop(code = 0): void {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  if (children.size === 0) process.exit(code);
  for (const child of children) child.kill("SIGTERM");
  setTimeout(() => {
    for (const child of children) child.kill("SIGKILL");
    process.exit(code);
  }, 10_000).unref();
}

process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

function build(): Promise<void> {
  console.log("[start] building the web app (next build)…");
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [nextBin, "build"], {
      cwd: join(root, "apps/web"),
      env: { ...env, NODE_ENV: "production" },
      stdio: "inherit",
    });
    child.on("exit", (code) =>
      code === 0 ? done() : fail(new Error(`next build failed (${code})`)),
    );
  });
}

try {
  await build();
} catch (error) {
  console.error(`[start] ${(error as Error).message}`);
  process.exit(1);
}
if (!stopping) {
  run("api", ["src/index.ts"], join(root, "apps/api"));
  run("web", [nextBin, "start", "--port", "3000"], join(root, "apps/web"));
  console.log(
    "[start] web: http://localhost:3000  ·  api: http://localhost:8000 (docs at /docs)  ·  Ctrl-C stops both",
  );
}
