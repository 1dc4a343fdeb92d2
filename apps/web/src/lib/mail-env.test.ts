import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";
import { devOutboxDir, mailDelivery } from "./mail/send-mail";

const production = { APP_ENV: "production", BETTER_AUTH_SECRET: "s".repeat(32) };

describe("the mail settings", () => {
  it("default to no SMTP server, no sender and no required verification", () => {
    const env = parseEnv(production);

    expect([env.SMTP_URL, env.MAIL_FROM, env.REQUIRE_EMAIL_VERIFICATION]).toEqual([
      undefined,
      undefined,
      false,
    ]);
  });

  it("refuse SMTP_URL without MAIL_FROM in production, naming MAIL_FROM", () => {
    expect(() => parseEnv({ ...production, SMTP_URL: "smtp://mail.example.com:587" })).toThrow(
      /^MAIL_FROM is required when SMTP_URL is set and APP_ENV=production/,
    );
  });

  it("let development use SMTP_URL without MAIL_FROM", () => {
    const env = parseEnv({ APP_ENV: "development", SMTP_URL: "smtp://127.0.0.1:2525" });

    expect(env.SMTP_URL).toBe("smtp://127.0.0.1:2525");
  });

  it("refuse a SMTP_URL that is not smtp:// or smtps://", () => {
    expect(() => parseEnv({ ...production, SMTP_URL: "https://mail.example.com" })).toThrow(
      "SMTP_URL: SMTP_URL must be an smtp:// or smtps:// URL",
    );
  });

  it("refuse a MAIL_FROM without an address", () => {
    expect(() => parseEnv({ ...production, MAIL_FROM: "Taskline" })).toThrow(
      'MAIL_FROM: MAIL_FROM must be an address, such as "Taskline <no-reply@example.com>"',
    );
  });

  it("read REQUIRE_EMAIL_VERIFICATION as true or false", () => {
    const on = parseEnv({ APP_ENV: "development", REQUIRE_EMAIL_VERIFICATION: "true" });
    const off = parseEnv({ APP_ENV: "development", REQUIRE_EMAIL_VERIFICATION: "0" });

    expect([on.REQUIRE_EMAIL_VERIFICATION, off.REQUIRE_EMAIL_VERIFICATION]).toEqual([true, false]);
  });

  it("refuse REQUIRE_EMAIL_VERIFICATION=yes", () => {
    expect(() => parseEnv({ ...production, REQUIRE_EMAIL_VERIFICATION: "yes" })).toThrow(
      "REQUIRE_EMAIL_VERIFICATION: REQUIRE_EMAIL_VERIFICATION must be true or false",
    );
  });

  it("refuse required verification in production without SMTP_URL, naming SMTP_URL", () => {
    expect(() => parseEnv({ ...production, REQUIRE_EMAIL_VERIFICATION: "true" })).toThrow(
      /^SMTP_URL is required when REQUIRE_EMAIL_VERIFICATION=true and APP_ENV=production/,
    );
  });
});

describe("mailDelivery", () => {
  it("is SMTP whenever SMTP_URL is set, the outbox in development, none in production", () => {
    const smtp = "smtp://127.0.0.1:2525";

    expect([
      mailDelivery({ APP_ENV: "production", SMTP_URL: smtp }),
      mailDelivery({ APP_ENV: "development", SMTP_URL: smtp }),
      mailDelivery({ APP_ENV: "development", SMTP_URL: undefined }),
      mailDelivery({ APP_ENV: "production", SMTP_URL: undefined }),
    ]).toEqual(["smtp", "smtp", "outbox", "none"]);
  });
});

describe("devOutboxDir", () => {
  it("is DATA_DIR/outbox in development and nothing in production (the pages answer 404)", () => {
    expect([
      devOutboxDir({ APP_ENV: "development", DATA_DIR: "/srv/taskline" }),
      devOutboxDir({ APP_ENV: "production", DATA_DIR: "/srv/taskline" }),
    ]).toEqual(["/srv/taskline/outbox", null]);
  });
});
