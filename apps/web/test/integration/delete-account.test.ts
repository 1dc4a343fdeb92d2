import { createServer } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../api/src/app.ts";
import { type Database, openDatabase } from "../../../api/src/db/client.ts";
import { tasks } from "../../../api/src/db/schema.ts";
import { parseEnv as parseApiEnv } from "../../../api/src/env.ts";
import { createVerifier } from "../../../api/src/lib/jwt.ts";
import { createLogger } from "../../../api/src/lib/logger.ts";
import { createRateLimits } from "../../../api/src/lib/rate-limits.ts";
import { listen, type RunningServer } from "../../../api/src/server.ts";
import { session, twoFactor, user } from "../../src/lib/db/schema";
import {
  type AuthServer,
  fetchToken,
  post,
  signedUpUser,
  signIn,
  startAuthServer,
} from "./harness";
import { PASSWORD, userWithTwoFactor } from "./two-factor-support";

/**
 * Account deletion across both services over real HTTP: the web app's Better Auth, and a real
 * API instance (its own app, verifier and PGlite database) that the web server calls at
 * API_INTERNAL_URL with the user's token before deleting the account.
 */
let web: AuthServer;
/** A web app whose API_INTERNAL_URL leads nowhere. */
let cutOff: AuthServer;
let api: RunningServer;
let apiDatabase: Database;

/** A port nothing listens on at the moment. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

beforeAll(async () => {
  const apiPort = await freePort();
  web = await startAuthServer({ API_INTERNAL_URL: `http://127.0.0.1:${apiPort}` });
  cutOff = await startAuthServer({ API_INTERNAL_URL: `http://127.0.0.1:${await freePort()}` });
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
  api = await listen(app, apiPort, "127.0.0.1");
});

afterAll(async () => {
  await api?.close(0);
  await apiDatabase?.close();
  await Promise.all([web?.close(), cutOff?.close()]);
});

const call = (token: string, path: string, init: RequestInit = {}) =>
  fetch(`${api.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  });

/** A user with a task at the API, and the token that made it. */
async function userWithTask(server: AuthServer, label: string) {
  const account = await signedUpUser(server, label);
  const token = await fetchToken(server, account.cookie);
  await call(token, "/api/tasks", { method: "POST", body: JSON.stringify({ title: label }) });
  return { ...account, token };
}

const apiTasksOf = async (userId: string) =>
  (await apiDatabase.db.select().from(tasks).where(eq(tasks.userId, userId))).length;

describe("deleting an account", () => {
  it("deletes the tasks at the API, then the account with its sessions and two-factor rows", async () => {
    const doomed = await userWithTwoFactor(web, "doomed");
    const token = await fetchToken(web, doomed.cookie);
    await call(token, "/api/tasks", { method: "POST", body: JSON.stringify({ title: "x" }) });
    const other = await userWithTask(web, "other");

    const response = await post(web, "/delete-user", { password: PASSWORD }, doomed.cookie);
    const db = web.database.db;
    expect({
      status: response.status,
      apiTasks: await apiTasksOf(doomed.userId),
      othersTasks: await apiTasksOf(other.userId),
      users: (await db.select().from(user).where(eq(user.id, doomed.userId))).length,
      sessions: (await db.select().from(session).where(eq(session.userId, doomed.userId))).length,
      twoFactor: (await db.select().from(twoFactor).where(eq(twoFactor.userId, doomed.userId)))
        .length,
    }).toEqual({ status: 200, apiTasks: 0, othersTasks: 1, users: 0, sessions: 0, twoFactor: 0 });
  });

  it("afterwards, signing in fails and the API refuses the still-valid token (401 Account deleted)", async () => {
    const doomed = await userWithTask(web, "gone");
    await post(web, "/delete-user", { password: PASSWORD }, doomed.cookie);
    const signedIn = await signIn(web, { email: doomed.email, password: PASSWORD });
    const list = await call(doomed.token, "/api/tasks");
    expect([signedIn.status, list.status, await list.json()]).toEqual([
      401,
      401,
      { detail: "Account deleted" },
    ]);
  });

  it("a wrong password deletes nothing, here or at the API", async () => {
    const keeper = await userWithTask(web, "keeper");
    const response = await post(web, "/delete-user", { password: "wrong" }, keeper.cookie);
    const signedIn = await signIn(web, { email: keeper.email, password: PASSWORD });
    expect([
      response.status,
      response.body.code,
      await apiTasksOf(keeper.userId),
      signedIn.status,
    ]).toEqual([400, "INVALID_PASSWORD", 1, 200]);
  });

  it("is refused without a password, even on a fresh session", async () => {
    const keeper = await userWithTask(web, "nopass");
    const response = await post(web, "/delete-user", {}, keeper.cookie);
    expect([response.status, response.body.code, await apiTasksOf(keeper.userId)]).toEqual([
      400,
      "PASSWORD_REQUIRED",
      1,
    ]);
  });

  it("when the API cannot be reached, nothing is deleted and the answer says so in words", async () => {
    const keeper = await signedUpUser(cutOff, "unreachable");
    const response = await post(cutOff, "/delete-user", { password: PASSWORD }, keeper.cookie);
    const signedIn = await signIn(cutOff, { email: keeper.email, password: PASSWORD });
    expect([response.status, response.body, signedIn.status]).toEqual([
      503,
      {
        code: "TASKS_NOT_DELETED",
        message:
          "Your account was not deleted: the task service could not be reached. Nothing was removed; please try again later.",
      },
      200,
    ]);
  });
});
