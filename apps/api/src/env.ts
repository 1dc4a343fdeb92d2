import { fileURLToPath } from "node:url";
import { z } from "zod";

/**
 * The API's configuration: every environment variable is read here, once, at boot.
 * `parseEnv` is pure (it takes a record), so tests build configs without touching process.env.
 */

/** `<repo root>/.data`, resolved from this file (src/env.ts or dist/env.js), never from the cwd. */
const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../../.data", import.meta.url));

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const JWKS_ALGORITHMS = ["EdDSA", "ES256"] as const;
export type JwksAlgorithm = (typeof JWKS_ALGORITHMS)[number];

export const MIN_JWT_SECRET_BYTES = 32;

export const MAX_SHUTDOWN_GRACE_MS = 600_000;

export type AuthConfig =
  | {
      mode: "jwks";
      jwksUrl: string;
      issuer: string;
      audience: string;
      algorithms: JwksAlgorithm[];
    }
  | {
      mode: "hs256";
      secret: string;
      issuer: string;
      audience: string;
    };

export type Config = {
  appEnv: "development" | "production";
  port: number;
  /** Unset: embedded PGlite in `${dataDir}/api`. */
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: LogLevel;
  corsOrigins: string[];
  /** HTTP worker processes (API_WORKERS); undefined: decided by workerCount (cluster.ts). */
  workers: number | undefined;
  /** Connections per process to the Postgres server (DATABASE_POOL_SIZE); undefined: default. */
  databasePoolSize: number | undefined;
  /** Each request's deadline (REQUEST_TIMEOUT_MS); statements get half of it. */
  requestTimeoutMs: number;
  /** Most tasks one user may hold (TASK_QUOTA). */
  taskQuota: number;
  /** How long a stopping process lets in-flight requests finish (SHUTDOWN_GRACE_MS). */
  shutdownGraceMs: number;
  /** Requests per user and minute (RATE_LIMIT_*_PER_MINUTE); 0 turns a limit off. */
  rateLimits: { requestsPerMinute: number; writesPerMinute: number };
  /** Redis holding the rate-limit counters of every replica (REDIS_URL); unset: in-process. */
  redisUrl: string | undefined;
  auth: AuthConfig;
};

export class EnvError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
    this.problems = problems;
  }
}

/** Variables whose values must never be echoed in an error message. */
const SECRET_VARIABLES = new Set(["JWT_SECRET", "DATABASE_URL", "REDIS_URL"]);

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const optionalString = z.preprocess(blankToUndefined, z.string().trim().optional());

const withDefault = (fallback: string) =>
  z.preprocess(blankToUndefined, z.string().trim().default(fallback));

const isHttpUrl = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
};

/** A browser origin: scheme + host (+ port), no path, exactly as browsers send it. */
const isOrigin = (value: string) => {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.origin === value;
  } catch {
    return false;
  }
};

const commaList = (value: string) =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");

/** A per-minute limit: a whole number, 0 for none. */
const perMinute = (fallback: string) =>
  withDefault(fallback)
    .refine((v) => /^\d{1,7}$/.test(v) && Number(v) <= 1_000_000, {
      error: "must be a whole number from 0 (no limit) to 1000000",
    })
    .transform(Number);

const schema = z.object({
  APP_ENV: z.enum(["development", "production"], {
    error: "must be `development` or `production`",
  }),
  PORT: withDefault("8000")
    .refine((v) => /^\d{1,5}$/.test(v) && Number(v) <= 65535, {
      error: "must be a whole number from 0 to 65535",
    })
    .transform(Number),
  DATABASE_URL: optionalString.refine((v) => v === undefined || /^postgres(ql)?:\/\/./.test(v), {
    error: "must be a postgres:// or postgresql:// connection URL (or unset for PGlite)",
  }),
  DATA_DIR: withDefault(DEFAULT_DATA_DIR),
  LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  ),
  CORS_ORIGINS: withDefault("http://localhost:3000")
    .transform(commaList)
    .refine((origins) => origins.every(isOrigin), {
      error:
        "must be a comma-separated list of origins like https://app.example.com (scheme and host, no path or trailing slash)",
    }),
  JWT_MODE: z.preprocess(
    blankToUndefined,
    z.enum(["jwks", "hs256"], { error: "must be `jwks` or `hs256`" }).default("jwks"),
  ),
  AUTH_JWKS_URL: withDefault("http://localhost:3000/api/auth/jwks").refine(isHttpUrl, {
    error: "must be an http(s) URL",
  }),
  AUTH_ISSUER: withDefault("http://localhost:3000"),
  AUTH_AUDIENCE: withDefault("http://localhost:3000"),
  AUTH_ALGORITHMS: withDefault("EdDSA")
    .transform(commaList)
    .refine((algs) => algs.length > 0 && algs.every((a) => isJwksAlgorithm(a)), {
      error: `must be a comma-separated subset of ${JWKS_ALGORITHMS.join(", ")}`,
    }),
  // Not trimmed: a secret is used byte for byte. Its rules depend on JWT_MODE: see secretProblems.
  JWT_SECRET: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
  API_WORKERS: optionalString
    .refine((v) => v === undefined || v === "auto" || isWholeNumber(v, 1, 64), {
      error:
        "must be `auto` (one per CPU core with DATABASE_URL, one fewer for a server on this machine) or a whole number from 1 to 64",
    })
    .transform((v) => (v === undefined || v === "auto" ? undefined : Number(v))),
  DATABASE_POOL_SIZE: optionalString
    .refine((v) => v === undefined || isWholeNumber(v, 1, 100), {
      error: "must be a whole number from 1 to 100",
    })
    .transform((v) => (v === undefined ? undefined : Number(v))),
  REQUEST_TIMEOUT_MS: withDefault("1000")
    .refine((v) => /^\d{1,6}$/.test(v) && Number(v) >= 100 && Number(v) <= 60_000, {
      error: "must be a whole number of milliseconds from 100 to 60000",
    })
    .transform(Number),
  TASK_QUOTA: withDefault("100000")
    .refine((v) => /^\d{1,9}$/.test(v) && Number(v) >= 1, {
      error: "must be a whole number from 1 to 999999999",
    })
    .transform(Number),
  // Under the 30 s Kubernetes waits by default before its SIGKILL.
  SHUTDOWN_GRACE_MS: withDefault("25000")
    .refine((v) => /^\d{1,6}$/.test(v) && Number(v) <= MAX_SHUTDOWN_GRACE_MS, {
      error: `must be a whole number of milliseconds from 0 to ${MAX_SHUTDOWN_GRACE_MS} (10 minutes)`,
    })
    .transform(Number),
  RATE_LIMIT_REQUESTS_PER_MINUTE: perMinute("600"),
  RATE_LIMIT_WRITES_PER_MINUTE: perMinute("120"),
  REDIS_URL: optionalString.refine((v) => v === undefined || /^rediss?:\/\/./.test(v), {
    error: "must be a redis:// or rediss:// URL (or unset for in-process rate-limit counters)",
  }),
});

/** JWT_SECRET depends on JWT_MODE; checked on the raw values so it is reported with every other problem. */
function secretProblems(source: Record<string, string | undefined>): string[] {
  const mode = blankToUndefined(source.JWT_MODE) ?? "jwks";
  const secret = source.JWT_SECRET === "" ? undefined : source.JWT_SECRET;
  if (mode === "hs256") {
    if (secret === undefined) {
      return [
        `JWT_SECRET: is required when JWT_MODE=hs256 (at least ${MIN_JWT_SECRET_BYTES} bytes; the same value as the web app's BETTER_AUTH_SECRET)`,
      ];
    }
    const bytes = Buffer.byteLength(secret, "utf8");
    if (bytes < MIN_JWT_SECRET_BYTES) {
      return [`JWT_SECRET: must be at least ${MIN_JWT_SECRET_BYTES} bytes (got ${bytes})`];
    }
  } else if (mode === "jwks" && secret !== undefined) {
    return [
      "JWT_SECRET: is only used when JWT_MODE=hs256; unset it, or set JWT_MODE=hs256 to verify HS256 tokens",
    ];
  }
  return [];
}

/** localhost, 127.0.0.0/8 or [::1]: traffic that never leaves the machine. */
const isLoopback = (hostname: string) =>
  hostname === "localhost" || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname);

/**
 * In production the keys that decide who is who must come over TLS: over plain http anyone on
 * the path could serve their own. Loopback is exempt (a web app beside the API, a local proxy).
 */
function jwksUrlProblems(source: Record<string, string | undefined>, appEnv: unknown): string[] {
  const mode = blankToUndefined(source.JWT_MODE) ?? "jwks";
  const raw = blankToUndefined(source.AUTH_JWKS_URL);
  if (appEnv !== "production" || mode !== "jwks" || typeof raw !== "string") return [];
  const value = raw.trim();
  if (!isHttpUrl(value)) return []; // reported by the schema
  const url = new URL(value);
  if (url.protocol === "https:" || isLoopback(url.hostname)) return [];
  return [
    `AUTH_JWKS_URL: must be an https URL when APP_ENV=production (http only for localhost, 127.0.0.0/8 or [::1]) (got "${raw}")`,
  ];
}

const isWholeNumber = (value: string, min: number, max: number) =>
  /^\d{1,3}$/.test(value) && Number(value) >= min && Number(value) <= max;

/** Several workers share one database: a server's, never the embedded single-process PGlite. */
function workerProblems(source: Record<string, string | undefined>): string[] {
  const workers = blankToUndefined(source.API_WORKERS);
  const workersWanted = typeof workers === "string" && /^\d+$/.test(workers.trim());
  if (!workersWanted || Number(workers) <= 1 || blankToUndefined(source.DATABASE_URL)) return [];
  return [
    "API_WORKERS: more than one worker needs DATABASE_URL (the embedded PGlite database is single-process)",
  ];
}

function isJwksAlgorithm(value: string): value is JwksAlgorithm {
  return (JWKS_ALGORITHMS as readonly string[]).includes(value);
}

function describeIssue(issue: z.core.$ZodIssue, source: Record<string, string | undefined>) {
  const name = issue.path.map(String).join(".");
  const raw = source[name];
  const shown =
    raw === undefined || raw.trim() === "" || SECRET_VARIABLES.has(name) ? "" : ` (got "${raw}")`;
  return `${name}: ${issue.message}${shown}`;
}

/** Parse and validate a record of environment variables. Throws EnvError listing every problem. */
export function parseEnv(source: Record<string, string | undefined>): Config {
  const appEnvDefault = source.NODE_ENV === "production" ? "production" : "development";
  const appEnv = blankToUndefined(source.APP_ENV) ?? appEnvDefault;
  const result = schema.safeParse({ ...source, APP_ENV: appEnv });
  const problems = [
    ...(result.success ? [] : result.error.issues.map((issue) => describeIssue(issue, source))),
    ...jwksUrlProblems(source, appEnv),
    ...secretProblems(source),
    ...workerProblems(source),
  ];
  if (!result.success || problems.length > 0) throw new EnvError(problems);
  const env = result.data;
  const issuer = env.AUTH_ISSUER;
  const audience = env.AUTH_AUDIENCE;
  const auth: AuthConfig =
    env.JWT_MODE === "hs256"
      ? { mode: "hs256", secret: env.JWT_SECRET ?? "", issuer, audience }
      : {
          mode: "jwks",
          jwksUrl: env.AUTH_JWKS_URL,
          issuer,
          audience,
          algorithms: env.AUTH_ALGORITHMS.filter(isJwksAlgorithm),
        };
  return {
    appEnv: env.APP_ENV,
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    logLevel: env.LOG_LEVEL,
    corsOrigins: env.CORS_ORIGINS,
    workers: env.API_WORKERS,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
    taskQuota: env.TASK_QUOTA,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    rateLimits: {
      requestsPerMinute: env.RATE_LIMIT_REQUESTS_PER_MINUTE,
      writesPerMinute: env.RATE_LIMIT_WRITES_PER_MINUTE,
    },
    redisUrl: env.REDIS_URL,
    auth,
  };
}

/** The configuration of this process, from process.env. */
export function loadConfig(): Config {
  return parseEnv(process.env);
}
