import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const secret = "s".repeat(16) + "t".repeat(16);

describe("parseEnv", () => {
  it("refuses production without BETTER_AUTH_SECRET, naming the variable", () => {
    expect(() => parseEnv({ APP_ENV: "production" })).toThrow(EnvError);
    expect(() => parseEnv({ APP_ENV: "production" })).toThrow(/BETTER_AUTH_SECRET is required/);
  });

  it("treats NODE_ENV=production without APP_ENV as production", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/BETTER_AUTH_SECRET is required/);
  });

  it("lets APP_ENV=development run under NODE_ENV=production (the production server) without a secret", () => {
    const env = parseEnv({ NODE_ENV: "production", APP_ENV: "development" });

    expect(env.APP_ENV).toBe("development");
    expect(env.BETTER_AUTH_SECRET).toBeUndefined();
  });

  it("fills in the documented defaults", () => {
    const env = parseEnv({ APP_ENV: "production", BETTER_AUTH_SECRET: secret });

    expect(env).toMatchObject({
      BETTER_AUTH_URL: "http://localhost:3000",
      JWT_MODE: "jwks",
      JWT_EXPIRES_IN: "15m",
      TRUSTED_PROXIES: [],
    });
    expect(env.DATA_DIR).toMatch(/\/\.data$/);
  });

  it("refuses a secret shorter than 32 characters", () => {
    expect(() => parseEnv({ APP_ENV: "production", BETTER_AUTH_SECRET: "short" })).toThrow(
      /BETTER_AUTH_SECRET: BETTER_AUTH_SECRET must be at least 32 characters/,
    );
  });

  it("reads versioned secrets for rotation, newest first", () => {
    const env = parseEnv({
      APP_ENV: "production",
      BETTER_AUTH_SECRETS: `2:${"n".repeat(32)}, 1:${secret}`,
    });

    expect(env.BETTER_AUTH_SECRETS).toEqual([
      { version: 2, value: "n".repeat(32) },
      { version: 1, value: secret },
    ]);
  });

  it("refuses malformed versioned secrets", () => {
    expect(() =>
      parseEnv({ APP_ENV: "production", BETTER_AUTH_SECRETS: "new-secret-without-version" }),
    ).toThrow(/BETTER_AUTH_SECRETS must look like "2:<new secret>,1:<old secret>"/);
  });

  it("refuses an unknown JWT_MODE and a nonsense JWT_EXPIRES_IN", () => {
    expect(() => parseEnv({ APP_ENV: "development", JWT_MODE: "rs256" })).toThrow(/JWT_MODE/);
    expect(() => parseEnv({ APP_ENV: "development", JWT_EXPIRES_IN: "soon" })).toThrow(
      /JWT_EXPIRES_IN must be a duration/,
    );
  });

  it("keeps only the origin of the URLs", () => {
    const env = parseEnv({
      APP_ENV: "development",
      BETTER_AUTH_URL: "https://tasks.example.com/",
      API_INTERNAL_URL: "http://api:8000/v1",
    });

    expect([env.BETTER_AUTH_URL, env.API_INTERNAL_URL]).toEqual([
      "https://tasks.example.com",
      "http://api:8000",
    ]);
  });

  it("reads TRUSTED_PROXIES as a list of addresses and CIDR ranges", () => {
    const env = parseEnv({
      APP_ENV: "development",
      TRUSTED_PROXIES: " 10.0.0.0/8, 192.0.2.10,2001:db8::/32 ,",
    });

    expect(env.TRUSTED_PROXIES).toEqual(["10.0.0.0/8", "192.0.2.10", "2001:db8::/32"]);
  });

  it("refuses TRUSTED_PROXIES entries that are not addresses or ranges, naming them", () => {
    expect(() =>
      parseEnv({
        APP_ENV: "development",
        TRUSTED_PROXIES: "10.0.0.0/8, proxy.internal, 10.0.0.0/33",
      }),
    ).toThrow(
      'TRUSTED_PROXIES: TRUSTED_PROXIES must list addresses or CIDR ranges, comma-separated, such as "10.0.0.0/8, 2001:db8::/32" (not "proxy.internal", "10.0.0.0/33")',
    );
  });
});
