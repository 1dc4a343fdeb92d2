import { spawn } from "node:child_process";
import { pino } from "pino";
import { describe, expect, test, vi } from "vitest";
import { censorSecrets, createLogger, isoTimeField } from "./logger.ts";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger("info", {
    write: (line: string) => void lines.push(JSON.parse(line)),
  });
  return { logger, lines };
}

describe("log lines never carry secrets", () => {
  test("secret-named fields are censored at the top level and one level down", () => {
    const { logger, lines } = capture();
    logger.info(
      {
        authorization: "Bearer a.b.c",
        token: "a.b.c",
        headers: { Authorization: "Bearer a.b.c", accept: "application/json" },
        user: { id: "u1", password: "hunter22" },
        path: "/api/tasks",
      },
      "oops",
    );
    expect(lines[0]).toMatchObject({
      authorization: "[redacted]",
      token: "[redacted]",
      headers: { Authorization: "[redacted]", accept: "application/json" },
      user: { id: "u1", password: "[redacted]" },
      path: "/api/tasks",
      msg: "oops",
    });
    expect(JSON.stringify(lines[0])).not.toContain("a.b.c");
  });

  test("a line without secrets is passed on as it is, not copied", () => {
    const fields = { reqId: "r1", status: 200, user: { id: "u1" } };
    expect(censorSecrets(fields)).toBe(fields);
  });

  test("the caller's object is never modified", () => {
    const fields = { headers: { authorization: "Bearer x" } };
    censorSecrets(fields);
    expect(fields.headers.authorization).toBe("Bearer x");
  });
});

describe("each line's time", () => {
  test("is the ISO 8601 UTC time of its millisecond, as pino's isoTime writes it", () => {
    vi.useFakeTimers({ now: Date.parse("2026-01-31T09:30:00.123Z") });
    try {
      expect(isoTimeField()).toBe(',"time":"2026-01-31T09:30:00.123Z"');
      expect(isoTimeField()).toBe(pino.stdTimeFunctions.isoTime());
      vi.setSystemTime(Date.parse("2026-01-31T09:30:00.124Z"));
      expect(isoTimeField()).toBe(',"time":"2026-01-31T09:30:00.124Z"');
      const { logger, lines } = capture();
      logger.info("now");
      expect(lines[0]?.time).toBe("2026-01-31T09:30:00.124Z");
      vi.setSystemTime(Date.parse("2026-02-01T00:00:00.000Z"));
      logger.info("later");
      expect(lines[1]?.time).toBe("2026-02-01T00:00:00.000Z");
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("stdout", () => {
  /** A process that logs with the default destination: "first" at once, "last" when told, then exits. */
  function startLoggingProcess() {
    const script = `
      const { createLogger } = await import(${JSON.stringify(new URL("./logger.ts", import.meta.url).href)});
      const logger = createLogger("info");
      logger.info("first");
      process.stdin.once("data", () => { logger.info("last"); process.exit(0); });`;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
    });
    const messages = () =>
      output
        .split("\n")
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { msg: string }).msg);
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    return { child, messages, exited };
  }

  test("a quiet process's buffered line is written within the flush interval, and the rest at exit", async () => {
    const { child, messages, exited } = startLoggingProcess();
    await vi.waitFor(() => expect(messages()).toEqual(["first"]), { timeout: 5_000, interval: 50 });
    expect(child.exitCode).toBe(null);

    child.stdin.write("stop\n");
    expect(await exited).toBe(0);
    expect(messages()).toEqual(["first", "last"]);
  }, 15_000);
});
