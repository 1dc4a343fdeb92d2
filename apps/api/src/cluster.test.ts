import { availableParallelism } from "node:os";
import { describe, expect, test } from "vitest";
import { workerCount } from "./cluster.ts";
import { parseEnv } from "./env.ts";

const URL = "postgres://app@db.internal:5432/taskline";

describe("workerCount", () => {
  test("API_WORKERS unset or auto: one per CPU core with a Postgres server elsewhere, one on PGlite", () => {
    expect(workerCount(parseEnv({ DATABASE_URL: URL }))).toBe(availableParallelism());
    expect(workerCount(parseEnv({ DATABASE_URL: URL, API_WORKERS: "auto" }))).toBe(
      availableParallelism(),
    );
    expect(workerCount(parseEnv({}))).toBe(1);
    expect(workerCount(parseEnv({ API_WORKERS: "auto" }))).toBe(1);
  });

  test("a Postgres server on this machine is left a core", () => {
    const local = [
      "postgres://postgres@127.0.0.1:5432/taskline",
      "postgres://postgres@localhost/taskline",
      "postgres://postgres@[::1]:5432/taskline",
      "postgres://postgres@/taskline?host=/var/run/postgresql",
    ];
    for (const url of local) {
      expect(workerCount(parseEnv({ DATABASE_URL: url }), 2)).toBe(1);
      expect(workerCount(parseEnv({ DATABASE_URL: url }), 8)).toBe(7);
      expect(workerCount(parseEnv({ DATABASE_URL: url }), 1)).toBe(1);
      expect(workerCount(parseEnv({ DATABASE_URL: url, API_WORKERS: "2" }), 2)).toBe(2);
    }
    expect(workerCount(parseEnv({ DATABASE_URL: URL }), 2)).toBe(2);
    expect(workerCount(parseEnv({ DATABASE_URL: "postgres://app@10.0.0.5/taskline" }), 2)).toBe(2);
  });

  test("a number is taken as given", () => {
    expect(workerCount(parseEnv({ DATABASE_URL: URL, API_WORKERS: "3" }))).toBe(3);
    expect(workerCount(parseEnv({ API_WORKERS: "1" }))).toBe(1);
  });
});
