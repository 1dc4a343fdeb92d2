import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../api/src/app.ts";
import { type Database, openDatabase } from "../../../api/src/db/client.ts";
import { parseEnv as parseApiEnv } from "../../../api/src/env.ts";
import { createVerifier } from "../../../api/src/lib/jwt.ts";
import { createLogger } from "../../../api/src/lib/logger.ts";
import { createRateLimits } from "../../../api/src/lib/rate-limits.ts";
import { listen, type RunningServer } from "../../../api/src/server.ts";
import { loadInitialTasks } from "../../src/features/tasks/load-initial-tasks";
import { publicEnv } from "../../src/lib/public-env";
import { type AuthServer, fetchToken, signedUpUser, startAuthServer } from "./harness";

/**
 * The whole trust chain over real HTTP: the web app's Better Auth issues a token from a session,
 * a real API instance (its own app factory, verifier and PGlite database) verifies it against the
 * web app's JWKS and answers for that user only.
 */
let web: AuthServer;
let api: RunningServer;
let apiDatabase: Database;

beforeAll(async () => {
  web = await startAuthServer();
  const config = parseApiEnv({
    APP_ENV: "development",
    AUTH_JWKS_URL: `${web.origin}/api/auth/jwks`,
    AUTH_ISSUER: web.origin,
    AUTH_AUDIENCE: web.origin,
    CORS_ORIGINS: web.origin,
    LOG_LEVEL: "silent",
  });
  apiDatabase = await openDatabase({ kind: "pglite" });
  await apiDatabase.migrate();
  const logger = createLogger("silent");
  const app = createApp({
    config,
    database: apiDatabase,
    verifier: createVerifier(config.auth),
    logger,
    rateLimits: await createRateLimits({ ...config.rateLimits, logger }),
  });
  api = await listen(app, 0, "127.0.0.1");
});

afterAll(async () => {
  await api?.close(0);
  await apiDatabase?.close();
  await web?.close();
});

const call = (token: string, path: string, init: RequestInit = {}) =>
  fetch(`${api.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  });

describe("a token from /api/auth/token at the API", () => {
  it("lists the user's tasks (200)", async () => {
    const { cookie } = await signedUpUser(web);
    const token = await fetchToken(web, cookie);

    const response = await call(token, "/api/tasks");

    expect(response.status).toBe(200);
  });

  it("creates a task owned by the token's subject, hidden from another user (403)", async () => {
    const owner = await signedUpUser(web, "owner");
    const stranger = await signedUpUser(web, "stranger");
    const ownerToken = await fetchToken(web, owner.cookie);
    const strangerToken = await fetchToken(web, stranger.cookie);

    const created = await call(ownerToken, "/api/tasks", {
      method: "POST",
      body: JSON.stringify({ title: "Write the report" }),
    });
    const task = (await created.json()) as { id: string; user_id: string };
    const asOwner = await call(ownerToken, `/api/tasks/${task.id}`);
    const asStranger = await call(strangerToken, `/api/tasks/${task.id}`);

    expect(created.status).toBe(201);
    expect(task.user_id).toBe(owner.userId);
    expect(asOwner.status).toBe(200);
    expect(asStranger.status).toBe(403);
  });

  it("is refused once tampered with (401)", async () => {
    const { cookie } = await signedUpUser(web);
    const token = await fetchToken(web, cookie);
    const [header, payload, signature = ""] = token.split(".");
    const flipped = `${signature.slice(0, -2)}${signature.endsWith("AA") ? "BB" : "AA"}`;

    const response = await call(`${header}.${payload}.${flipped}`, "/api/tasks");

    expect(response.status).toBe(401);
  });
});

describe("the tasks page's first load, on the web server", () => {
  const env = globalThis as typeof globalThis & { __taskline_env?: unknown };

  afterAll(() => {
    delete process.env.API_INTERNAL_URL;
    delete env.__taskline_env;
  });

  it("goes to API_INTERNAL_URL when it is set, not to the browser's URL", async () => {
    const { cookie } = await signedUpUser(web);
    const token = await fetchToken(web, cookie);
    await call(token, "/api/tasks", {
      method: "POST",
      body: JSON.stringify({ title: "Loaded by the server" }),
    });
    expect(publicEnv.apiUrl).not.toBe(api.url);
    process.env.API_INTERNAL_URL = api.url;
    delete env.__taskline_env; // getEnv() parses the environment again

    const initial = await loadInitialTasks(
      token,
      { view: { kind: "inbox" }, search: null, sort: "created" },
      "Europe/Berlin",
    );

    expect(initial?.lists[0]?.page.tasks.map((task) => task.title)).toEqual([
      "Loaded by the server",
    ]);
    expect(initial?.counts).toEqual({
      inbox: { count: 1, capped: false },
      today: { count: 0, capped: false },
      upcoming: { count: 0, capped: false },
      completed: { count: 0, capped: false },
    });
    expect(initial?.labels).toEqual([]);
  });
});
