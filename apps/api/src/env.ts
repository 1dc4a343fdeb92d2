import { fileURLToPath } from "node:url";
import { z } from "zod";
import {
  base64url,
  blankToUndefined,
  commaList,
  isHttpUrl,
  isOrigin,
  isWholeNumber,
  jwksUrlProblems,
  optionalBoolean,
  optionalString,
  perMinute,
  pushProblems,
  secretProblems,
  withDefault,
  workerProblems,
} from "./env-rules.ts";

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

export { MIN_JWT_SECRET_BYTES } from "./env-rules.ts";

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
  push: PushConfig;
};

/** A VAPID key pair (base64url, as web-push makes them) and the contact push services see. */
export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

export type PushConfig = {
  /** VAPID_*; undefined only in development, where push/vapid-keys.ts makes a pair once. */
  vapid: VapidKeys | undefined;
  /** PUSH_ALLOW_LOOPBACK: also push to http://127.0.0.1 / localhost endpoints (never in production). */
  allowLoopback: boolean;
  /** WEB_APP_URL: where a reminder's notification leads (the web app's origin). */
  webAppUrl: string;
  /** REMINDER_WORKER: deliver reminders from this process (else `npm run worker` does). */
  runWorker: boolean;
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
const SECRET_VARIABLES = new Set(["JWT_SECRET", "DATABASE_URL", "REDIS_URL", "VAPID_PRIVATE_KEY"]);

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
  // web-push's own format: an uncompressed P-256 point (65 bytes) and a 32-byte scalar.
  VAPID_PUBLIC_KEY: base64url(65, "an uncompressed P-256 public key"),
  VAPID_PRIVATE_KEY: base64url(32, "a P-256 private key"),
  VAPID_SUBJECT: optionalString.refine(
    (v) => v === undefined || /^(mailto:.+|https:\/\/.+)/.test(v),
    {
      error: "must be a mailto: or https: URL push services can reach you at",
    },
  ),
  PUSH_ALLOW_LOOPBACK: optionalBoolean,
  WEB_APP_URL: optionalString.refine((v) => v === undefined || isOrigin(v), {
    error: "must be an origin like https://app.example.com (scheme and host, no path)",
  }),
  REMINDER_WORKER: optionalBoolean,
});

/**
 * Every variable this app reads: the schema's, and NODE_ENV (only for APP_ENV's default). The
 * deploy files (deploy/) set no other, which their test checks.
 */
export const ENV_VARIABLES: readonly string[] = [...schema.keyof().options, "NODE_ENV"];

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
    ...pushProblems(source, appEnv),
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
    push: {
      vapid:
        env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY && env.VAPID_SUBJECT
          ? {
              publicKey: env.VAPID_PUBLIC_KEY,
              privateKey: env.VAPID_PRIVATE_KEY,
              subject: env.VAPID_SUBJECT,
            }
          : undefined,
      allowLoopback: (env.PUSH_ALLOW_LOOPBACK ?? String(env.APP_ENV === "development")) === "true",
      webAppUrl: env.WEB_APP_URL ?? env.CORS_ORIGINS[0] ?? "http://localhost:3000",
      runWorker: env.REMINDER_WORKER !== "false",
    },
  };
}

/** The configuration of this process, from process.env. */
export function loadConfig(): Config {
  return parseEnv(process.env);
}
