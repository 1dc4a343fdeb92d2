import { buildApi, startApi } from "./api-process.ts";
import { createDatabase, redact } from "./database.ts";
import { serveJwks } from "./jwks.ts";
import { loadAverage } from "./report.ts";

/**
 * What the benchmarks beside `npm run bench` start with: the API built and started as production
 * runs it (start:prod), on a throwaway database of BENCH_DATABASE_URL's server, trusting a JWKS of
 * its own; `env` on top (e.g. development mode). All of it stopped and dropped at the end.
 */
export async function startBenchApi(log: (message: string) => void, env: Record<string, string>) {
  const adminUrl =
    process.env.BENCH_DATABASE_URL?.trim() || "postgres://postgres@127.0.0.1:5432/postgres";
  log(`load average before the run: ${loadAverage()}`);
  log("building the API (npm run build -w @taskline/api)…");
  await buildApi();
  const db = await createDatabase(adminUrl);
  log(`database ${db.name} on ${redact(adminUrl)}`);
  const identity = await serveJwks();
  const api = await startApi({
    DATABASE_URL: db.url,
    AUTH_JWKS_URL: identity.jwksUrl,
    AUTH_ISSUER: identity.issuer,
    AUTH_AUDIENCE: identity.audience,
    LOG_LEVEL: "warn",
    ...env,
  });
  log(`API (pid ${api.pid}) ready at ${api.baseUrl}`);
  return { db, identity, api };
}

/** The p-th percentile of sorted values (nearest rank). */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
