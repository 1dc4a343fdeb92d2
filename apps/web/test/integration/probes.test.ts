import { describe, expect, it } from "vitest";
import { openPglite, openPostgres } from "../../src/lib/db/client";
import { healthAnswer, readinessAnswer } from "../../src/lib/probes";

/** The server TEST_DATABASE_URL names (a ping needs no database of its own), else in-memory PGlite. */
const openTestDatabase = () => {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl ? openPostgres(serverUrl) : openPglite(null);
};

describe("health and readiness answers", () => {
  it("/health is 200 {status: ok}", async () => {
    const response = healthAnswer();
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 200,
      body: { status: "ok" },
    });
  });

  it("/ready is 200 {status: ready} while the database answers", async () => {
    const database = openTestDatabase();
    try {
      const response = await readinessAnswer(async () => database);
      expect({ status: response.status, body: await response.json() }).toEqual({
        status: 200,
        body: { status: "ready" },
      });
    } finally {
      await database.close();
    }
  });

  it("/ready is 503 once the database is closed", async () => {
    const database = openTestDatabase();
    await database.close();
    const response = await readinessAnswer(async () => database);
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 503,
      body: { detail: "Database unavailable" },
    });
  });

  it("/ready is 503 when the Postgres server cannot be reached", async () => {
    // A real Postgres client pointed at a port where nothing listens.
    const database = openPostgres("postgres://postgres@127.0.0.1:9/taskline");
    try {
      const response = await readinessAnswer(async () => database);
      expect({
        status: response.status,
        retryAfter: response.headers.get("retry-after"),
        body: await response.json(),
      }).toEqual({ status: 503, retryAfter: "5", body: { detail: "Database unavailable" } });
    } finally {
      await database.close();
    }
  });

  it("/ready is 503 when the database could not be opened", async () => {
    const response = await readinessAnswer(() => Promise.reject(new Error("no database")));
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 503,
      body: { detail: "Database unavailable" },
    });
  });
});
