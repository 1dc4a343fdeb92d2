import { describe, expect, test } from "vitest";
import { createTestDatabase, setupTestApi, signToken, startApp } from "../../../test/harness.ts";
import { openDatabase } from "../../db/client.ts";

const api = setupTestApi();

describe("GET /health", () => {
  test("200 {status: ok}, without authentication", async () => {
    const response = await api.anonymous.get("/health");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: "ok" });
  });

  test("a bad token does not matter", async () => {
    const response = await api.withToken("garbage").get("/health");
    expect(response.status).toBe(200);
  });
});

describe("GET /ready, and the API when the database is down", () => {
  test("200 {status: ready} when the database answers", async () => {
    const response = await api.anonymous.get("/ready");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: "ready" });
  });

  test("503 when the database cannot be reached", async () => {
    // A real Postgres client pointed at a port where nothing listens.
    const unreachable = await openDatabase({
      kind: "postgres",
      url: "postgres://postgres@127.0.0.1:9/taskline",
      poolSize: 1,
    });
    const app = await startApp(unreachable, api.jwks.url);
    try {
      const response = await app.client().get("/ready");
      expect(response.status).toBe(503);
      expect(response.body).toEqual({ detail: "Database unavailable" });
      expect((await app.client().get("/health")).status).toBe(200);
      // The task routes say so too (a 503 a client may retry), rather than a 500.
      const token = await signToken(api.key, "user_outage");
      for (const request of [
        () => app.client(token).get("/api/tasks"),
        () => app.client(token).post("/api/tasks", { title: "Lost?" }),
      ]) {
        const failed = await request();
        expect({ status: failed.status, body: failed.body }).toEqual({
          status: 503,
          body: { detail: "Database unavailable" },
        });
      }
    } finally {
      await app.close();
      await unreachable.close();
    }
  });

  test("503 once the database has been closed", async () => {
    const db = await createTestDatabase();
    const app = await startApp(db.database, api.jwks.url);
    try {
      expect((await app.client().get("/ready")).status).toBe(200);
      await db.database.close();
      const response = await app.client().get("/ready");
      expect(response.status).toBe(503);
      expect(response.body).toEqual({ detail: "Database unavailable" });
    } finally {
      await app.close();
      await db.close().catch(() => {});
    }
  });
});
