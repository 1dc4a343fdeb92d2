import { z } from "zod";

/**
 * The value rules env.ts's schema is built from, and the rules that span several variables
 * (checked on the raw values, so that each is reported with every other problem).
 */

export const MIN_JWT_SECRET_BYTES = 32;
export const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

export const optionalString = z.preprocess(blankToUndefined, z.string().trim().optional());

export const withDefault = (fallback: string) =>
  z.preprocess(blankToUndefined, z.string().trim().default(fallback));

export const isHttpUrl = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
};

/** A browser origin: scheme + host (+ port), no path, exactly as browsers send it. */
export const isOrigin = (value: string) => {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.origin === value;
  } catch {
    return false;
  }
};

export const commaList = (value: string) =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");

/** `true` or `false`, or unset. */
export const optionalBoolean = z.preprocess(
  blankToUndefined,
  z.enum(["true", "false"], { error: "must be `true` or `false`" }).optional(),
);

/** `bytes` bytes in base64url without padding, or unset. */
export const base64url = (bytes: number, what: string) =>
  optionalString.refine(
    (v) =>
      v === undefined ||
      (/^[A-Za-z0-9_-]+$/.test(v) && Buffer.from(v, "base64url").length === bytes),
    {
      error: `must be ${what} in base64url (${bytes} bytes), as \`npx web-push generate-vapid-keys\` prints`,
    },
  );

/** A per-minute limit: a whole number, 0 for none. */
export const perMinute = (fallback: string) =>
  withDefault(fallback)
    .refine((v) => /^\d{1,7}$/.test(v) && Number(v) <= 1_000_000, {
      error: "must be a whole number from 0 (no limit) to 1000000",
    })
    .transform(Number);

/** JWT_SECRET depends on JWT_MODE; checked on the raw values so it is reported with every other problem. */
export function secretProblems(source: Record<string, string | undefined>): string[] {
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
export const isLoopback = (hostname: string) =>
  hostname === "localhost" || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname);

/**
 * In production the keys that decide who is who must come over TLS: over plain http anyone on
 * the path could serve their own. Loopback is exempt (a web app beside the API, a local proxy).
 */
export function jwksUrlProblems(
  source: Record<string, string | undefined>,
  appEnv: unknown,
): string[] {
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

export const isWholeNumber = (value: string, min: number, max: number) =>
  /^\d{1,3}$/.test(value) && Number(value) >= min && Number(value) <= max;

/** Several workers share one database: a server's, never the embedded single-process PGlite. */
export function workerProblems(source: Record<string, string | undefined>): string[] {
  const workers = blankToUndefined(source.API_WORKERS);
  const workersWanted = typeof workers === "string" && /^\d+$/.test(workers.trim());
  if (!workersWanted || Number(workers) <= 1 || blankToUndefined(source.DATABASE_URL)) return [];
  return [
    "API_WORKERS: more than one worker needs DATABASE_URL (the embedded PGlite database is single-process)",
  ];
}

export const VAPID_VARIABLES = ["VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY", "VAPID_SUBJECT"] as const;

/** Push needs all three VAPID variables, or (in development only) none; loopback never in production. */
export function pushProblems(
  source: Record<string, string | undefined>,
  appEnv: unknown,
): string[] {
  const missing = VAPID_VARIABLES.filter((name) => blankToUndefined(source[name]) === undefined);
  const production = appEnv === "production";
  const problems =
    missing.length === 0 || (!production && missing.length === VAPID_VARIABLES.length)
      ? []
      : missing.map(
          (name) =>
            `${name}: is required ${production ? "when APP_ENV=production" : "with the other VAPID variables"} (make a key pair with \`npx web-push generate-vapid-keys\`)`,
        );
  if (production && blankToUndefined(source.PUSH_ALLOW_LOOPBACK)?.toString().trim() === "true") {
    problems.push("PUSH_ALLOW_LOOPBACK: must not be true when APP_ENV=production");
  }
  return problems;
}
