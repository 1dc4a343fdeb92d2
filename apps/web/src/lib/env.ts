import { resolve } from "node:path";
import * as z from "zod";
import { defaultDataDir } from "./paths";

/**
 * Server-side configuration, parsed once. The only module that reads `process.env`
 * (browser-visible settings are in `./public-env.ts`).
 */

const duration =
  /^\d+\s*(s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days)$/;

/** An address or an address range in CIDR notation: 10.0.0.0/8, 192.0.2.10, 2001:db8::/32. */
const addressRange = z.union([z.cidrv4(), z.cidrv6(), z.ipv4(), z.ipv6()]);

const origin = (name: string) =>
  z
    .url({ protocol: /^https?$/, error: `${name} must be an http(s) URL` })
    .transform((value) => new URL(value).origin);

/** "Taskline <no-reply@example.com>" or a bare address. */
const mailbox = /^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/;

const flag = (name: string) =>
  z
    .enum(["true", "false", "1", "0"], { error: `${name} must be true or false` })
    .transform((value) => value === "true" || value === "1")
    .default(false);

const envSchema = z.object({
  APP_ENV: z.enum(["development", "production"]),
  BETTER_AUTH_URL: origin("BETTER_AUTH_URL").default("http://localhost:3000"),
  BETTER_AUTH_SECRET: z
    .string()
    .min(32, "BETTER_AUTH_SECRET must be at least 32 characters")
    .optional(),
  BETTER_AUTH_SECRETS: z
    .string()
    .transform((value, ctx) => {
      const secrets = value.split(",").map((entry) => {
        const match = /^\s*(\d+)\s*:\s*(\S+)\s*$/.exec(entry);
        return match ? { version: Number(match[1]), value: match[2] ?? "" } : null;
      });
      if (secrets.some((secret) => secret === null || secret.value.length < 32)) {
        ctx.addIssue({
          code: "custom",
          message:
            'BETTER_AUTH_SECRETS must look like "2:<new secret>,1:<old secret>" (each secret at least 32 characters)',
        });
        return z.NEVER;
      }
      return secrets.filter((secret) => secret !== null);
    })
    .optional(),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgres:// URL" })
    .optional(),
  DATA_DIR: z.string().min(1).optional(),
  JWT_MODE: z.enum(["jwks", "hs256"]).default("jwks"),
  JWT_EXPIRES_IN: z
    .string()
    .regex(duration, 'JWT_EXPIRES_IN must be a duration such as "15m", "900s" or "1h"')
    .default("15m"),
  /**
   * Where this server reaches the API for a page's first load, when not at the public URL (the
   * browser's, NEXT_PUBLIC_API_URL, is fixed at build: ./public-env.ts).
   */
  API_INTERNAL_URL: origin("API_INTERNAL_URL").optional(),
  /** Reverse proxies whose X-Forwarded-For is believed; none: the peer is the client. */
  TRUSTED_PROXIES: z
    .string()
    .transform((value, ctx) => {
      const ranges = value
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean);
      const bad = ranges.filter((range) => !addressRange.safeParse(range).success);
      if (bad.length > 0) {
        ctx.addIssue({
          code: "custom",
          message: `TRUSTED_PROXIES must list addresses or CIDR ranges, comma-separated, such as "10.0.0.0/8, 2001:db8::/32" (not ${bad.map((entry) => `"${entry}"`).join(", ")})`,
        });
        return z.NEVER;
      }
      return ranges;
    })
    .default([]),
  /** Outgoing mail server; unset: the development outbox, or no mail at all in production. */
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: "SMTP_URL must be an smtp:// or smtps:// URL" })
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(mailbox, 'MAIL_FROM must be an address, such as "Taskline <no-reply@example.com>"')
    .optional(),
  /** Sign-in waits until the address is confirmed by a mailed link. */
  REQUIRE_EMAIL_VERIFICATION: flag("REQUIRE_EMAIL_VERIFICATION"),
});

/**
 * Every variable this module reads: the schema's, and NODE_ENV (APP_ENV's default, and whether
 * this is `next dev`). The deploy files (deploy/) set no other, which their test checks.
 */
export const ENV_VARIABLES: readonly string[] = [...envSchema.keyof().options, "NODE_ENV"];

export type Env = Omit<z.infer<typeof envSchema>, "DATA_DIR"> & {
  /** Directory for the embedded database and the generated development secret. */
  DATA_DIR: string;
  /** Running under `next dev` (NODE_ENV=development), whatever APP_ENV says. */
  NEXT_DEV: boolean;
};

export class EnvError extends Error {
  override name = "EnvError";
}

type Source = Record<string, string | undefined>;

/** Validates a set of variables. Throws an `EnvError` naming every bad or missing variable. */
export function parseEnv(source: Source): Env {
  const blankToUndefined = Object.fromEntries(
    Object.entries(source).map(([key, value]) => [key, value?.trim() ? value.trim() : undefined]),
  );
  const appEnv =
    blankToUndefined.APP_ENV ??
    (blankToUndefined.NODE_ENV === "production" ? "production" : "development");
  const parsed = envSchema.safeParse({ ...blankToUndefined, APP_ENV: appEnv });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) =>
      issue.path.length ? `${String(issue.path[0])}: ${issue.message}` : issue.message,
    );
    throw new EnvError(`Invalid environment:\n  - ${problems.join("\n  - ")}`);
  }
  const env = parsed.data;
  if (env.APP_ENV === "production" && !env.BETTER_AUTH_SECRET && !env.BETTER_AUTH_SECRETS) {
    throw new EnvError(
      "BETTER_AUTH_SECRET is required when APP_ENV=production (generate one with `openssl rand -base64 32`).",
    );
  }
  if (env.JWT_MODE === "hs256" && env.APP_ENV === "production" && !env.BETTER_AUTH_SECRET) {
    throw new EnvError(
      "BETTER_AUTH_SECRET is required when JWT_MODE=hs256: it is the HS256 key the API gets as JWT_SECRET.",
    );
  }
  if (env.APP_ENV === "production" && env.SMTP_URL && !env.MAIL_FROM) {
    throw new EnvError(
      'MAIL_FROM is required when SMTP_URL is set and APP_ENV=production (the sender of every mail, e.g. "Taskline <no-reply@example.com>").',
    );
  }
  if (env.APP_ENV === "production" && env.REQUIRE_EMAIL_VERIFICATION && !env.SMTP_URL) {
    throw new EnvError(
      "SMTP_URL is required when REQUIRE_EMAIL_VERIFICATION=true and APP_ENV=production: without mail nobody could confirm an address, so nobody could sign in.",
    );
  }
  return {
    ...env,
    DATA_DIR: resolve(env.DATA_DIR ?? defaultDataDir),
    NEXT_DEV: blankToUndefined.NODE_ENV === "development",
  };
}

const slot = globalThis as typeof globalThis & { __taskline_env?: Env };

/** The process's configuration, parsed on first use (not at import, so `next build` needs none). */
export function getEnv(): Env {
  slot.__taskline_env ??= parseEnv(process.env);
  return slot.__taskline_env;
}
