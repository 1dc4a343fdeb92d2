import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toNodeHandler } from "better-auth/node";
import postgres from "postgres";
import { type Auth, createAuth } from "../../src/lib/auth";
import { handleAuthRequest } from "../../src/lib/auth-handler";
import { type DatabaseHandle, openPglite, openPostgres } from "../../src/lib/db/client";
import { type Env, parseEnv } from "../../src/lib/env";
import { watchPeerAddresses } from "../../src/lib/peer-address";

/**
 * A real Better Auth instance behind a real HTTP server, on its own database: in-memory PGlite,
 * or a freshly created Postgres database when TEST_DATABASE_URL names a server. One per test file.
 */
export type AuthServer = {
  origin: string;
  env: Env;
  auth: Auth;
  database: DatabaseHandle;
  /** Resolves after the server, the database and (on Postgres) the test database are gone. */
  close: () => Promise<void>;
};

type TestDatabase = { handle: DatabaseHandle; drop: () => Promise<void> };

/** A new, uniquely named database on the TEST_DATABASE_URL server; `drop` removes it. */
export async function createScratchDatabase(serverUrl: string, label = "web_test") {
  const name = `taskline_${label}_${randomUUID().replaceAll("-", "")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = openPglite(null);
    return { handle, drop: () => handle.close() };
  }
  const scratch = await createScratchDatabase(serverUrl);
  const handle = openPostgres(scratch.url);
  return {
    handle,
    async drop() {
      await handle.close();
      await scratch.drop();
    },
  };
}

/** A random secret of Better Auth's recommended length. */
export const randomSecret = () => randomBytes(32).toString("base64url");

/**
 * Serves Better Auth as the app's route handler does (handleAuthRequest, with each request's peer
 * stamped as in instrumentation.ts). `shared`: another server's database, as a second replica
 * would use it (left open at close; its own server closes it).
 */
export async function startAuthServer(
  variables: Record<string, string> = {},
  shared?: DatabaseHandle,
): Promise<AuthServer> {
  const database: TestDatabase = shared
    ? { handle: shared, drop: async () => {} }
    : await createTestDatabase();
  await database.handle.migrate();
  const dataDir = mkdtempSync(join(tmpdir(), "taskline-web-test-"));
  watchPeerAddresses();

  // The auth instance needs the server's origin, which exists only once it listens.
  let handler: ReturnType<typeof toNodeHandler> | null = null;
  const server: Server = createServer((req, res) => {
    if (handler) return void handler(req, res);
    res.statusCode = 503;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const env = parseEnv({
    APP_ENV: "development",
    BETTER_AUTH_URL: origin,
    BETTER_AUTH_SECRET: randomSecret(),
    DATA_DIR: dataDir,
    ...variables,
  });
  const auth = createAuth({ env, database: database.handle });
  handler = toNodeHandler((request: Request) => handleAuthRequest(auth, env, request));

  return {
    origin,
    env,
    auth,
    database: database.handle,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A unique address per call, so tests sharing a database never collide. */
export const uniqueEmail = (label = "user") => `${label}-${randomUUID().slice(0, 8)}@example.com`;

export type AuthResponse = { status: number; body: Record<string, unknown>; cookie: string | null };

/** The `name=value` pairs of a response's Set-Cookie headers, ready to send back. */
function cookieFrom(response: Response): string | null {
  const pairs = response.headers.getSetCookie().map((line) => line.split(";")[0] ?? "");
  return pairs.length ? pairs.join("; ") : null;
}

export async function post(server: AuthServer, path: string, body: unknown, cookie?: string) {
  const response = await fetch(`${server.origin}/api/auth${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: server.origin,
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
    cookie: cookieFrom(response),
    headers: response.headers,
  };
}

export function signUp(
  server: AuthServer,
  { email, password, name = "Test User" }: { email: string; password: string; name?: string },
) {
  return post(server, "/sign-up/email", { email, password, name });
}

export function signIn(
  server: AuthServer,
  { email, password }: { email: string; password: string },
) {
  return post(server, "/sign-in/email", { email, password });
}

export function signOut(server: AuthServer, cookie: string) {
  return post(server, "/sign-out", {}, cookie);
}

export async function get(server: AuthServer, path: string, cookie?: string) {
  const response = await fetch(`${server.origin}/api/auth${path}`, {
    headers: cookie ? { cookie } : {},
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : null) as Record<string, unknown> | null,
    headers: response.headers,
  };
}

/** Signs a new user up and returns their session cookie. */
export async function signedUpUser(server: AuthServer, label = "user") {
  const email = uniqueEmail(label);
  const response = await signUp(server, { email, password: "correct horse battery" });
  if (response.status !== 200 || !response.cookie) {
    throw new Error(`sign-up failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return {
    email,
    cookie: response.cookie,
    userId: String((response.body.user as { id: string }).id),
  };
}

/** GET /api/auth/token with the session cookie: the JWT the browser would hand to the API. */
export async function fetchToken(server: AuthServer, cookie: string): Promise<string> {
  const response = await get(server, "/token", cookie);
  const token = response.body?.token;
  if (response.status !== 200 || typeof token !== "string") {
    throw new Error(`token request failed: ${response.status}`);
  }
  return token;
}
