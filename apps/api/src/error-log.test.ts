import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, describe, expect, test } from "vitest";
import {
  createTestDatabase,
  postgresServerUrl,
  setupTestApi,
  signToken,
  startApp,
} from "../test/harness.ts";
import { createLogger } from "./lib/logger.ts";

const api = setupTestApi();

/** What a user wrote: it must never reach a log line. */
const TITLE = "Zebra-7781 surprise party for Sam";
const DESCRIPTION = "Okapi-5512 buy the cake";

const errorLines = (logs: string[]) => logs.filter((line) => line.includes('"level":50'));

describe("error log lines carry the query text, never its parameters", () => {
  test("a query failing in a route (a check constraint): 500, logged without the title", async () => {
    // A constraint only this test's title breaks: the insert reaches the database and fails.
    await api.database.db.execute(
      sql.raw(`alter table tasks add constraint no_zebra check (title <> '${TITLE}')`),
    );
    try {
      const alice = await api.user("alice");
      const response = await alice.post("/api/tasks", { title: TITLE, description: DESCRIPTION });
      expect({ status: response.status, body: response.body }).toEqual({
        status: 500,
        body: { detail: "Internal Server Error" },
      });
      const [line = ""] = errorLines(api.app.logs);
      expect({
        query: line.includes('insert into \\"tasks\\"'),
        constraint: line.includes('"constraint":"no_zebra"'),
        title: line.includes("Zebra-7781"),
        description: line.includes("Okapi-5512"),
      }).toEqual({ query: true, constraint: true, title: false, description: false });
    } finally {
      await api.database.db.execute(sql.raw("alter table tasks drop constraint no_zebra"));
    }
  });

  test("a closed database: 503, logged without the title", async () => {
    const db = await createTestDatabase();
    const app = await startApp(db.database, api.jwks.url);
    try {
      const token = await signToken(api.key, "user_closed");
      expect((await app.client(token).get("/api/tasks")).status).toBe(200);
      await db.database.close();
      const response = await app.client(token).post("/api/tasks", { title: TITLE });
      expect(response.status).toBe(503);
      const [line = ""] = errorLines(app.logs);
      expect({
        logged: line.includes('"msg":"database unavailable"'),
        title: line.includes("Zebra-7781"),
      }).toEqual({ logged: true, title: false });
    } finally {
      await app.close();
      await db.close().catch(() => {});
    }
  });
});

describe("errors from postgres.js through Drizzle (a Postgres server)", () => {
  const client = postgres(postgresServerUrl(), { max: 1, onnotice: () => {} });
  afterAll(() => client.end({ timeout: 5 }));

  test("neither Drizzle's params, postgres.js's parameters nor the quoted input are logged", async () => {
    const failure = await drizzle(client)
      .execute(sql`select ${TITLE}::int as n, ${DESCRIPTION}::text as d`)
      .catch((error: unknown) => error);
    // The driver's own error does carry the values: that is what must not be logged.
    expect(String((failure as Error).message)).toContain("Zebra-7781");
    const lines: string[] = [];
    createLogger("info", { write: (line: string) => void lines.push(line) }).error(
      { err: failure },
      "unhandled error",
    );
    const [line = ""] = lines;
    expect(JSON.parse(line)).toMatchObject({
      err: {
        type: "Error",
        message: "Failed query: select $1::int as n, $2::text as d",
        query: "select $1::int as n, $2::text as d",
        cause: {
          type: "PostgresError",
          message: 'invalid input syntax for type integer: "[redacted]"',
          code: "22P02",
        },
      },
    });
    expect([line.includes("Zebra-7781"), line.includes("Okapi-5512")]).toEqual([false, false]);
  });
});
