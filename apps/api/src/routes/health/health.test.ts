import { afterEach, describe, expect, test } from "vitest";
import {
  createTestDatabase,
  HS256_SECRET,
  JwksServer,
  setupTestApi,
  signToken,
  startApp,
} from "../../../test/harness.ts";
import { openDatabase } from "../../db/client.ts";

const api = setupTestApi();

const servers: JwksServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

describe("GET /ready and the JWKS", () => {
  async function jwksServer() {
    const jwks = new JwksServer();
    servers.push(jwks);
    await jwks.start();
    return { jwks, key: await jwks.addKey() };
  }

  test("a fresh app fetches the keys itself: 200, and tokens then need no fetch", async () => {
    const { jwks, key } = await jwksServer();
    const app = await api.startApp({}, jwks.url);
    const response = await app.client().get("/ready");
    expect({ status: response.status, body: response.body }).toEqual({
      status: 200,
      body: { status: "ready" },
    });
    expect((await app.client(await signToken(key, "user_a")).get("/api/tasks")).status).toBe(200);
    expect(jwks.hits).toBe(1);
  });

  test("503 while no key set has ever been fetched, asking the JWKS once per backoff; 200 once it answers", async () => {
    const { jwks } = await jwksServer();
    jwks.state = "error";
    const app = await api.startApp({ timings: { backoffMs: 300 } }, jwks.url);
    const unavailable = { status: 503, body: { detail: "Authentication service unavailable" } };
    for (let i = 0; i < 3; i += 1) {
      const response = await app.client().get("/ready");
      expect({ status: response.status, body: response.body }).toEqual(unavailable);
    }
    expect(jwks.hits).toBe(1);
    jwks.state = "up";
    await sleep(350);
    expect((await app.client().get("/ready")).status).toBe(200);
    expect(jwks.hits).toBe(2);
  });

  test("hs256 mode is ready without any key set", async () => {
    const app = await api.startApp({
      env: { JWT_MODE: "hs256", JWT_SECRET: HS256_SECRET },
    });
    expect((await app.client().get("/ready")).status).toBe(200);
  });
});
