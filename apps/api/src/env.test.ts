import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { EnvError, parseEnv } from "./env.ts";

const SECRET = "s".repeat(32);

/** A VAPID key pair for production configurations (a test pair, never used to push). */
const VAPID = {
  VAPID_PUBLIC_KEY:
    "BDkxuaeZ85Cv6jnTXVAe0LxVxqeOiwmGzCCubeXYsiuwa73iQzBy_v5xkBSniOU3UEyB7Mrz-Y8t6HNnE-UkLJs",
  VAPID_PRIVATE_KEY: "XKfR7Tq8phwhWjKDTnRjd7rDKdOWuuVTUUdhVVyR-N0",
  VAPID_SUBJECT: "mailto:ops@example.com",
};

/** The problems parseEnv reports for this environment. */
function problems(env: Record<string, string | undefined>) {
  try {
    parseEnv(env);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  throw new Error("expected an EnvError");
}

describe("parseEnv", () => {
  test("defaults: a development API on :8000 trusting the local web app's JWKS", () => {
    expect(parseEnv({})).toEqual({
      appEnv: "development",
      port: 8000,
      databaseUrl: undefined,
      dataDir: fileURLToPath(new URL("../../../.data", import.meta.url)),
      logLevel: "info",
      corsOrigins: ["http://localhost:3000"],
      requestTimeoutMs: 1000,
      taskQuota: 100_000,
      shutdownGraceMs: 25_000,
      rateLimits: { requestsPerMinute: 600, writesPerMinute: 120 },
      redisUrl: undefined,
      auth: {
        mode: "jwks",
        jwksUrl: "http://localhost:3000/api/auth/jwks",
        issuer: "http://localhost:3000",
        audience: "http://localhost:3000",
        algorithms: ["EdDSA"],
      },
      push: {
        vapid: undefined,
        allowLoopback: true,
        webAppUrl: "http://localhost:3000",
        runWorker: true,
      },
    });
  });

  test("DATA_DIR defaults to <repo root>/.data, whatever the working directory", () => {
    const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
    expect(parseEnv({}).dataDir).toBe(`${repoRoot}.data`);
  });

  test("every variable set", () => {
    expect(
      parseEnv({
        APP_ENV: "production",
        PORT: "9000",
        DATABASE_URL: "postgresql://app:pw@db.internal:5432/taskline",
        DATA_DIR: "/var/lib/taskline",
        LOG_LEVEL: "warn",
        CORS_ORIGINS: "https://app.example.com, https://admin.example.com",
        JWT_MODE: "jwks",
        AUTH_JWKS_URL: "https://app.example.com/api/auth/jwks",
        AUTH_ISSUER: "https://app.example.com",
        AUTH_AUDIENCE: "https://api.example.com",
        AUTH_ALGORITHMS: "EdDSA,ES256",
        REQUEST_TIMEOUT_MS: "2500",
        TASK_QUOTA: "5000",
        SHUTDOWN_GRACE_MS: "5000",
        RATE_LIMIT_REQUESTS_PER_MINUTE: "1000",
        RATE_LIMIT_WRITES_PER_MINUTE: "0",
        REDIS_URL: "rediss://:pw@cache.internal:6380/2",
        ...VAPID,
        PUSH_ALLOW_LOOPBACK: "false",
        WEB_APP_URL: "https://tasks.example.com",
        REMINDER_WORKER: "false",
      }),
    ).toEqual({
      appEnv: "production",
      port: 9000,
      databaseUrl: "postgresql://app:pw@db.internal:5432/taskline",
      dataDir: "/var/lib/taskline",
      logLevel: "warn",
      corsOrigins: ["https://app.example.com", "https://admin.example.com"],
      requestTimeoutMs: 2500,
      taskQuota: 5000,
      shutdownGraceMs: 5000,
      rateLimits: { requestsPerMinute: 1000, writesPerMinute: 0 },
      redisUrl: "rediss://:pw@cache.internal:6380/2",
      auth: {
        mode: "jwks",
        jwksUrl: "https://app.example.com/api/auth/jwks",
        issuer: "https://app.example.com",
        audience: "https://api.example.com",
        algorithms: ["EdDSA", "ES256"],
      },
      push: {
        vapid: {
          publicKey: VAPID.VAPID_PUBLIC_KEY,
          privateKey: VAPID.VAPID_PRIVATE_KEY,
          subject: "mailto:ops@example.com",
        },
        allowLoopback: false,
        webAppUrl: "https://tasks.example.com",
        runWorker: false,
      },
    });
  });

  test("REQUEST_TIMEOUT_MS and TASK_QUOTA must be whole numbers in range", () => {
    expect(problems({ REQUEST_TIMEOUT_MS: "50", TASK_QUOTA: "0" })).toEqual([
      'REQUEST_TIMEOUT_MS: must be a whole number of milliseconds from 100 to 60000 (got "50")',
      'TASK_QUOTA: must be a whole number from 1 to 999999999 (got "0")',
    ]);
  });

  test("APP_ENV defaults to production when NODE_ENV=production", () => {
    expect(parseEnv({ NODE_ENV: "production", ...VAPID }).appEnv).toBe("production");
    expect(parseEnv({ NODE_ENV: "production", APP_ENV: "development" }).appEnv).toBe("development");
  });

  test("blank values count as unset", () => {
    expect(parseEnv({ PORT: "", DATABASE_URL: " ", CORS_ORIGINS: "" })).toMatchObject({
      port: 8000,
      databaseUrl: undefined,
      corsOrigins: ["http://localhost:3000"],
    });
  });

  test("SHUTDOWN_GRACE_MS: 0 (cut in-flight requests at once) up to 600000", () => {
    expect(parseEnv({ SHUTDOWN_GRACE_MS: "0" }).shutdownGraceMs).toBe(0);
    expect(parseEnv({ SHUTDOWN_GRACE_MS: " 600000 " }).shutdownGraceMs).toBe(600_000);
  });

  test("hs256 mode with a 32-byte secret", () => {
    expect(parseEnv({ JWT_MODE: "hs256", JWT_SECRET: SECRET }).auth).toEqual({
      mode: "hs256",
      secret: SECRET,
      issuer: "http://localhost:3000",
      audience: "http://localhost:3000",
    });
  });
});

describe("parseEnv refuses bad values, one clear message each", () => {
  test.each([
    [{ PORT: "eighty" }, 'PORT: must be a whole number from 0 to 65535 (got "eighty")'],
    [{ PORT: "70000" }, 'PORT: must be a whole number from 0 to 65535 (got "70000")'],
    [
      { DATABASE_URL: "mysql://localhost/db" },
      "DATABASE_URL: must be a postgres:// or postgresql:// connection URL (or unset for PGlite)",
    ],
    [{ APP_ENV: "staging" }, 'APP_ENV: must be `development` or `production` (got "staging")'],
    [
      { LOG_LEVEL: "loud" },
      'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
    ],
    [
      { CORS_ORIGINS: "http://localhost:3000/" },
      'CORS_ORIGINS: must be a comma-separated list of origins like https://app.example.com (scheme and host, no path or trailing slash) (got "http://localhost:3000/")',
    ],
    [
      { SHUTDOWN_GRACE_MS: "25s" },
      'SHUTDOWN_GRACE_MS: must be a whole number of milliseconds from 0 to 600000 (10 minutes) (got "25s")',
    ],
    [
      { SHUTDOWN_GRACE_MS: "600001" },
      'SHUTDOWN_GRACE_MS: must be a whole number of milliseconds from 0 to 600000 (10 minutes) (got "600001")',
    ],
    [{ JWT_MODE: "rs256" }, 'JWT_MODE: must be `jwks` or `hs256` (got "rs256")'],
    [
      { AUTH_JWKS_URL: "localhost:3000/jwks" },
      'AUTH_JWKS_URL: must be an http(s) URL (got "localhost:3000/jwks")',
    ],
    [
      { AUTH_ALGORITHMS: "EdDSA,HS256" },
      'AUTH_ALGORITHMS: must be a comma-separated subset of EdDSA, ES256 (got "EdDSA,HS256")',
    ],
    [
      { AUTH_ALGORITHMS: "none" },
      'AUTH_ALGORITHMS: must be a comma-separated subset of EdDSA, ES256 (got "none")',
    ],
    [
      { JWT_MODE: "hs256" },
      "JWT_SECRET: is required when JWT_MODE=hs256 (at least 32 bytes; the same value as the web app's BETTER_AUTH_SECRET)",
    ],
    [
      { JWT_MODE: "hs256", JWT_SECRET: "too-short" },
      "JWT_SECRET: must be at least 32 bytes (got 9)",
    ],
    [
      { JWT_SECRET: SECRET },
      "JWT_SECRET: is only used when JWT_MODE=hs256; unset it, or set JWT_MODE=hs256 to verify HS256 tokens",
    ],
    [
      { RATE_LIMIT_REQUESTS_PER_MINUTE: "-1" },
      'RATE_LIMIT_REQUESTS_PER_MINUTE: must be a whole number from 0 (no limit) to 1000000 (got "-1")',
    ],
    [
      { RATE_LIMIT_WRITES_PER_MINUTE: "1.5" },
      'RATE_LIMIT_WRITES_PER_MINUTE: must be a whole number from 0 (no limit) to 1000000 (got "1.5")',
    ],
    [
      { RATE_LIMIT_WRITES_PER_MINUTE: "2000000" },
      'RATE_LIMIT_WRITES_PER_MINUTE: must be a whole number from 0 (no limit) to 1000000 (got "2000000")',
    ],
    [
      { REDIS_URL: "127.0.0.1:6379" },
      "REDIS_URL: must be a redis:// or rediss:// URL (or unset for in-process rate-limit counters)",
    ],
  ])("%o", (env, message) => {
    expect(problems(env)).toEqual([message]);
  });

  test("every problem is reported at once, in a message naming each variable", () => {
    const env = { PORT: "x", JWT_MODE: "hs256", LOG_LEVEL: "chatty" };
    expect(problems(env)).toEqual([
      'PORT: must be a whole number from 0 to 65535 (got "x")',
      'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent (got "chatty")',
      "JWT_SECRET: is required when JWT_MODE=hs256 (at least 32 bytes; the same value as the web app's BETTER_AUTH_SECRET)",
    ]);
    expect(() => parseEnv(env)).toThrow(
      'Invalid configuration:\n  - PORT: must be a whole number from 0 to 65535 (got "x")\n',
    );
  });

  test("secret values are never echoed", () => {
    const secret = "short-secret";
    const db = "mysql://user:hunter2@host/db";
    const redis = "http://:sesame@cache/0";
    const message = problems({
      JWT_MODE: "hs256",
      JWT_SECRET: secret,
      DATABASE_URL: db,
      REDIS_URL: redis,
    }).join("\n");
    expect(message.includes(secret)).toBe(false);
    expect(message.includes("hunter2")).toBe(false);
    expect(message.includes("sesame")).toBe(false);
  });

  test("the secret's length is counted in bytes", () => {
    // 11 three-byte characters: 11 characters but 33 bytes.
    expect(parseEnv({ JWT_MODE: "hs256", JWT_SECRET: "€".repeat(11) }).auth.mode).toBe("hs256");
    expect(problems({ JWT_MODE: "hs256", JWT_SECRET: "€".repeat(10) })).toEqual([
      "JWT_SECRET: must be at least 32 bytes (got 30)",
    ]);
  });
});

describe("AUTH_JWKS_URL in production", () => {
  const plainHttp = "http://app.example.com/api/auth/jwks";
  const refusal = (url: string) =>
    `AUTH_JWKS_URL: must be an https URL when APP_ENV=production (http only for localhost, 127.0.0.0/8 or [::1]) (got "${url}")`;

  test.each([{ APP_ENV: "production" }, { NODE_ENV: "production" }])(
    "plain http to another host is refused, naming the variable: %o",
    (env) => {
      expect(problems({ ...env, ...VAPID, AUTH_JWKS_URL: plainHttp })).toEqual([
        refusal(plainHttp),
      ]);
    },
  );

  test.each([
    "https://app.example.com/api/auth/jwks",
    "http://localhost:3000/api/auth/jwks",
    "http://127.0.0.1:3000/api/auth/jwks",
    "http://127.10.20.30/api/auth/jwks",
    "http://[::1]:3000/api/auth/jwks",
  ])("%s is accepted", (url) => {
    expect(parseEnv({ APP_ENV: "production", ...VAPID, AUTH_JWKS_URL: url }).auth).toMatchObject({
      jwksUrl: url,
    });
  });

  test("the default (the local web app) is accepted", () => {
    expect(parseEnv({ APP_ENV: "production", ...VAPID }).auth).toMatchObject({
      jwksUrl: "http://localhost:3000/api/auth/jwks",
    });
  });

  test.each([
    "http://localhost.example.com/jwks",
    "http://128.0.0.1/jwks",
    "http://[::2]/jwks",
    "http://10.0.0.1/jwks",
  ])("%s is not loopback: refused", (url) => {
    expect(problems({ APP_ENV: "production", ...VAPID, AUTH_JWKS_URL: url })).toEqual([
      refusal(url),
    ]);
  });

  test("development, or hs256 mode (no JWKS fetched), accepts plain http", () => {
    expect(parseEnv({ AUTH_JWKS_URL: plainHttp }).auth).toMatchObject({ jwksUrl: plainHttp });
    const hs256 = { JWT_MODE: "hs256", JWT_SECRET: SECRET, AUTH_JWKS_URL: plainHttp };
    expect(parseEnv({ APP_ENV: "production", ...VAPID, ...hs256 }).auth.mode).toBe("hs256");
  });
});

describe("API_WORKERS and DATABASE_POOL_SIZE", () => {
  const url = "postgres://app@db.internal:5432/taskline";

  test("unset: automatic (undefined); set: the number", () => {
    expect(parseEnv({ DATABASE_URL: url })).toMatchObject({
      workers: undefined,
      databasePoolSize: undefined,
    });
    expect(
      parseEnv({ DATABASE_URL: url, API_WORKERS: "4", DATABASE_POOL_SIZE: "16" }),
    ).toMatchObject({ workers: 4, databasePoolSize: 16 });
    expect(parseEnv({ API_WORKERS: "auto" }).workers).toBeUndefined();
  });

  test("bad values are refused, one clear message each", () => {
    expect(problems({ DATABASE_URL: url, API_WORKERS: "0", DATABASE_POOL_SIZE: "lots" })).toEqual([
      'API_WORKERS: must be `auto` (one per CPU core with DATABASE_URL, one fewer for a server on this machine) or a whole number from 1 to 64 (got "0")',
      'DATABASE_POOL_SIZE: must be a whole number from 1 to 100 (got "lots")',
    ]);
  });

  test("more than one worker needs a Postgres server", () => {
    expect(problems({ API_WORKERS: "2" })).toEqual([
      "API_WORKERS: more than one worker needs DATABASE_URL (the embedded PGlite database is single-process)",
    ]);
  });
});

describe("push variables", () => {
  test("production without VAPID keys refuses to start, naming each", () => {
    const refusal = (name: string) =>
      `${name}: is required when APP_ENV=production (make a key pair with \`npx web-push generate-vapid-keys\`)`;
    expect(problems({ APP_ENV: "production" })).toEqual([
      refusal("VAPID_PUBLIC_KEY"),
      refusal("VAPID_PRIVATE_KEY"),
      refusal("VAPID_SUBJECT"),
    ]);
  });

  test("development takes all three or none", () => {
    expect(problems({ VAPID_PUBLIC_KEY: VAPID.VAPID_PUBLIC_KEY })).toEqual([
      "VAPID_PRIVATE_KEY: is required with the other VAPID variables (make a key pair with `npx web-push generate-vapid-keys`)",
      "VAPID_SUBJECT: is required with the other VAPID variables (make a key pair with `npx web-push generate-vapid-keys`)",
    ]);
  });

  test("keys of the wrong size and a subject that is no contact are refused; the private key is not echoed", () => {
    expect(
      problems({ VAPID_PUBLIC_KEY: "abc", VAPID_PRIVATE_KEY: "secret!", VAPID_SUBJECT: "ops" }),
    ).toEqual([
      'VAPID_PUBLIC_KEY: must be an uncompressed P-256 public key in base64url (65 bytes), as `npx web-push generate-vapid-keys` prints (got "abc")',
      "VAPID_PRIVATE_KEY: must be a P-256 private key in base64url (32 bytes), as `npx web-push generate-vapid-keys` prints",
      'VAPID_SUBJECT: must be a mailto: or https: URL push services can reach you at (got "ops")',
    ]);
  });

  test("loopback push endpoints: on by default in development, refused in production", () => {
    expect([
      parseEnv({}).push.allowLoopback,
      parseEnv({ APP_ENV: "production", ...VAPID }).push.allowLoopback,
      problems({ APP_ENV: "production", ...VAPID, PUSH_ALLOW_LOOPBACK: "true" }),
    ]).toEqual([true, false, ["PUSH_ALLOW_LOOPBACK: must not be true when APP_ENV=production"]]);
  });
});
