import { describe, expect, test } from "vitest";
import { censorSecrets, createLogger } from "./logger.ts";

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
