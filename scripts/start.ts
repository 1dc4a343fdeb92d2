// `npm start`: builds and starts the whole product on one machine — the task API on :8000 and the
// web app on :3000, or on API_PORT and WEB_PORT — with embedded databases under .data/ and
// development secrets generated there. Every URL that names the other app (the web app's public
// origin and the API's, the JWKS URL, the tokens' issuer and audience, CORS, the CSP) follows
// from the two ports. Ctrl-C (or SIGTERM) stops both. Any variable already set in the environment
// wins over the defaults.
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { loadDevSecret } from "../apps/web/src/lib/dev-secret.ts";
import { anyAddress, standaloneServer } from "./web-server.ts";

const root = resolve(import.meta.dirname, "..");
const nextBin = createRequire(join(root, "apps/web/package.json")).resolve("next/dist/bin/next");

/** A TCP port from the environment, or the default; anything else stops here, in words. */
function portFrom(name: string, fallback: number): number {
  const value = process.env[name]?.trim() || String(fallback);
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    console.error(`[start] ${name} must be a port number from 1 to 65535 (got "${value}")`);
    process.exit(1);
  }
  return port;
}

const webPort = portFrom("WEB_PORT", 3000);
const apiPort = portFrom("API_PORT", 8000);
const webOrigin = process.env.BETTER_AUTH_URL ?? `http://localhost:${webPort}`;
const apiOrigin = process.env.NEXT_PUBLIC_API_URL ?? `http://localhost:${apiPort}`;

const env: NodeJS.ProcessEnv = {
  ...process.env,
  APP_ENV: process.env.APP_ENV ?? "development",
  DATA_DIR: resolve(process.env.DATA_DIR ?? join(root, ".data")),
  // The web app: its public origin (also the tokens' iss and aud) and the API it calls, which
  // the build inlines for the browser and the CSP alike (apps/web/src/lib/public-env.ts).
  BETTER_AUTH_URL: webOrigin,
  NEXT_PUBLIC_API_URL: apiOrigin,
  // The API: where the web app publishes its keys, whose tokens it takes, who may call it.
  AUTH_JWKS_URL: process.env.AUTH_JWKS_URL ?? `${webOrigin}/api/auth/jwks`,
  AUTH_ISSUER: process.env.AUTH_ISSUER ?? webOrigin,
  AUTH_AUDIENCE: process.env.AUTH_AUDIENCE ?? webOrigin,
  CORS_ORIGINS: process.env.CORS_ORIGINS ?? webOrigin,
};

// In hs256 mode the API must verify with the very secret the web app signs with.
if (env.JWT_MODE === "hs256" && !env.JWT_SECRET) {
  env.JWT_SECRET = env.BETTER_AUTH_SECRET ?? loadDevSecret(env.DATA_DIR as string);
}

const children = new Set<ChildProcess>();
let stopping = false;

function run(
  name: string,
  args: string[],
  cwd: string,
  extra: NodeJS.ProcessEnv = {},
): ChildProcess {
  const child = spawn(process.execPath, args, { cwd, env: { ...env, ...extra }, stdio: "inherit" });
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

let web: ReturnType<typeof standaloneServer>;
try {
  await build();
  web = standaloneServer(join(root, "apps/web"));
} catch (error) {
  console.error(`[start] ${(error as Error).message}`);
  process.exit(1);
}
if (!stopping) {
  run("api", ["src/index.ts"], join(root, "apps/api"), { PORT: String(apiPort) });
  run("web", [web.script], web.cwd, { PORT: String(webPort), HOSTNAME: anyAddress() });
  console.log(
    `[start] web: http://localhost:${webPort}  ·  api: http://localhost:${apiPort} (docs at /docs)  ·  Ctrl-C stops both`,
  );
}
