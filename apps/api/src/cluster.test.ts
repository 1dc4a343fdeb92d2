import { availableParallelism } from "node:os";
import { describe, expect, test } from "vitest";
import { workerCount } from "./cluster.ts";
import { parseEnv } from "./env.ts";

const URL = "postgres://app@db.internal:5432/taskline";

describe("workerCount", () => {
  test("API_WORKERS unset or auto: one per CPU core with a Postgres server, one on PGlite", () => {
    expect(workerCount(parseEnv({ DATABASE_URL: URL }))).toBe(availableParallelism());
    expect(workerCount(parseEnv({ DATABASE_URL: URL, API_WORKERS: "auto" }))).toBe(
      availableParallelism(),
    );
    expect(workerCount(parseEnv({}))).toBe(1);
    expect(workerCount(parseEnv({ API_WORKERS: "auto" }))).toBe(1);
  });

  test("a number is taken as given", () => {
    expect(workerCount(parseEnv({ DATABASE_URL: URL, API_WORKERS: "3" }))).toBe(3);
    expect(workerCount(parseEnv({ API_WORKERS: "1" }))).toBe(1);
  });
});
