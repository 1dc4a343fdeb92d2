// `npm run test:scale`: more than one machine, proven on this one. On the Postgres server at
// 127.0.0.1:5432 (a throwaway database), two web replicas and two API replicas, production
// settings, behind nginx with deploy/nginx/taskline.conf (Debian's nginx, installed when missing),
// then checks through nginx what replicas must share: sessions, tokens, a key rotation, the
// sign-in rate limit, live updates between two browsers pinned to different API replicas, an API
// replica killed under load and a rolling restart under load. Prints the figures; exits 1 when a
// check fails.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import postgres from "postgres";
import webpush from "web-push";
import { ensureNginx, nginxReplica } from "./scale/nginx.ts";
import { Replica, run, sparePort } from "./scale/processes.ts";
import { checkAll } from "./scale/scale-checks.ts";
import { standaloneServer } from "./web-server.ts";

const root = resolve(import.meta.dirname, "..");
const nextBin = createRequire(join(root, "apps/web/package.json")).resolve("next/dist/bin/next");
const ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";
const log = (message: string) => console.log(`[test:scale] ${message}`);

async function main(): Promise<boolean> {
  ensureNginx();
  log("building the API…");
  execFileSync(process.execPath, ["--run", "build"], {
    cwd: join(root, "apps/api"),
    stdio: "inherit",
  });
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  const dbName = `taskline_scale_${randomBytes(4).toString("hex")}`;
  await admin.unsafe(`create database ${dbName}`);
  const databaseUrl = ADMIN_URL.replace(/\/postgres$/, `/${dbName}`);
  const prefix = mkdtempSync(join(tmpdir(), "taskline-scale-"));
  const ports: number[] = [];
  for (let n = 0; n < 5; n += 1) ports.push(await sparePort());
  const [web1 = 0, web2 = 0, api1 = 0, api2 = 0, lb = 0] = ports;
  const origin = `http://127.0.0.1:${lb}`;
  // The browser's API origin is fixed at build time: this setup's one origin, nginx.
  log("building the web app (next build)…");
  execFileSync(process.execPath, [nextBin, "build"], {
    cwd: join(root, "apps/web"),
    stdio: "inherit",
    env: { ...process.env, NEXT_PUBLIC_API_URL: origin },
  });
  const webServer = standaloneServer(join(root, "apps/web"));
  const vapid = webpush.generateVAPIDKeys();
  const webEnv = {
    NODE_ENV: "production",
    APP_ENV: "production",
    DATABASE_URL: databaseUrl,
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    BETTER_AUTH_URL: origin,
    API_INTERNAL_URL: origin,
    // nginx: its X-Forwarded-For says who the client is.
    TRUSTED_PROXIES: "127.0.0.1",
  };
  const apiEnv = {
    NODE_ENV: "production",
    APP_ENV: "production",
    DATABASE_URL: databaseUrl,
    AUTH_JWKS_URL: `${origin}/api/auth/jwks`,
    AUTH_ISSUER: origin,
    AUTH_AUDIENCE: origin,
    CORS_ORIGINS: origin,
    WEB_APP_URL: origin,
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
    VAPID_SUBJECT: "mailto:scale@example.com",
    LOG_LEVEL: "warn",
    // The load comes from one user: the per-user limits are not under test here.
    RATE_LIMIT_REQUESTS_PER_MINUTE: "0",
    RATE_LIMIT_WRITES_PER_MINUTE: "0",
  };
  const web = (n: number, port: number) =>
    new Replica({
      name: `web${n}`,
      url: `http://127.0.0.1:${port}`,
      readyPath: "/ready",
      start: () =>
        run(
          process.execPath,
          [webServer.script],
          { ...webEnv, PORT: String(port), HOSTNAME: "127.0.0.1" },
          webServer.cwd,
        ),
    });
  const api = (n: number, port: number) =>
    new Replica({
      name: `api${n}`,
      url: `http://127.0.0.1:${port}`,
      readyPath: "/ready",
      start: () =>
        run(
          process.execPath,
          ["dist/index.js"],
          { ...apiEnv, PORT: String(port) },
          join(root, "apps/api"),
        ),
    });
  const replicas = {
    web: [web(1, web1), web(2, web2)] as const,
    api: [api(1, api1), api(2, api2)] as const,
    nginx: nginxReplica({
      prefix,
      port: lb,
      web: [`127.0.0.1:${web1}`, `127.0.0.1:${web2}`],
      api: [`127.0.0.1:${api1}`, `127.0.0.1:${api2}`],
    }),
  };
  try {
    log("starting two web replicas, nginx and two API replicas…");
    for (const replica of [...replicas.web, replicas.nginx, ...replicas.api]) await replica.start();
    return await checkAll({ origin, replicas, databaseUrl, log });
  } finally {
    for (const replica of [...replicas.api, ...replicas.web]) {
      await replica.stop("SIGKILL").catch(() => null);
    }
    // nginx's master stops its workers on SIGTERM; killed outright, it would leave them running.
    await replicas.nginx.stop("SIGTERM").catch(() => null);
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.end();
    rmSync(prefix, { recursive: true, force: true });
  }
}

main().then(
  (passed) => process.exit(passed ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
