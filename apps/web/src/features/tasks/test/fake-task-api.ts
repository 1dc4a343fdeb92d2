import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { generateKeyPair, jwtVerify, SignJWT } from "jose";
import { unorganizedFields } from "../task-api";
import { createFakeEventStream } from "./fake-event-stream";
import { oneHeader, pause, readJson, send, takeFirst } from "./fake-http";
import { createIdempotencyStore, isIdempotentRoute } from "./fake-idempotency";
import type { Drop, FakeTaskApi, ReceivedRequest, Refusal } from "./fake-task-api-types";
import { type Answer, answer, newestFirst } from "./fake-task-routes";
import { type FakeStore, newestDeletionFirst } from "./fake-trash-routes";

/**
 * A real HTTP server that answers like the task API (paths, status codes, `{"detail": …}`, `Link`
 * + `X-Total-Count` or `X-Total-Count-Capped`, keyset cursors, `ETag`/`If-Match` with 412,
 * `Idempotency-Key` replays) and like Better Auth's `/api/auth/token`, for component tests.
 * Tokens are real EdDSA JWTs, verified on every request. Tests can make the next matching request
 * fail or lose its connection, hold requests until released, and read what was received.
 */
export type { FakeTaskApi, ReceivedRequest } from "./fake-task-api-types";

const ISSUER = "http://localhost:3000";
export async function startFakeTaskApi(): Promise<FakeTaskApi> {
  let keys = await generateKeyPair("EdDSA", { crv: "Ed25519" });
  const sessions = new Map<string, string>();
  const store: FakeStore = { tasks: [], trashed: [], subscriptions: new Map() };
  const { tasks } = store;
  const received: ReceivedRequest[] = [];
  const refusals: Refusal[] = [];
  const drops: Drop[] = [];
  const idempotency = createIdempotencyStore();
  const events = createFakeEventStream();
  let held: Promise<void> | null = null;
  let releaseHeld = () => {};
  let tokenCount = 0;
  let down = false;
  let healthChecks = 0;
  let clock = Date.parse("2026-01-01T00:00:00.000Z");
  const tick = () => {
    clock += 1000;
    return new Date(clock).toISOString();
  };

  async function issueToken(req: IncomingMessage, res: ServerResponse) {
    tokenCount += 1;
    const cookie = req.headers.cookie ?? "";
    const userId = sessions.get(cookie);
    if (!userId) return send(res, 401, { message: "Unauthorized" });
    const token = await new SignJWT({ email: `${userId}@example.com` })
      .setProtectedHeader({ alg: "EdDSA", kid: "test-key" })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(ISSUER)
      .setIssuedAt()
      .setExpirationTime("15m")
      .sign(keys.privateKey);
    send(res, 200, { token });
  }

  async function authenticate(req: IncomingMessage): Promise<string | null> {
    const header = req.headers.authorization ?? "";
    const token = header.startsWith("Bearer ") ? header.slice(7) : "";
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, keys.publicKey, {
        issuer: ISSUER,
        audience: ISSUER,
        algorithms: ["EdDSA"],
      });
      return payload.sub ?? null;
    } catch {
      return null;
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL, userId: string) {
    const body = (await readJson(req)) as Record<string, unknown> | undefined;
    const method = req.method ?? "";
    const path = url.pathname;
    const entry: ReceivedRequest = {
      method,
      path,
      query: url.searchParams,
      body,
      userId,
      headers: req.headers,
      status: null,
      replayed: false,
      etag: null,
      at: Date.now(),
    };
    received.push(entry);
    const reply = (sent: Answer) => {
      entry.status = sent.status;
      entry.replayed = sent.headers?.["Idempotent-Replayed"] === "true";
      entry.etag = sent.headers?.ETag ?? null;
      send(res, sent.status, sent.body, sent.headers);
    };
    const refusal = takeFirst(refusals, method, path + url.search);
    if (refusal) {
      return reply({
        status: refusal.status,
        body: { detail: refusal.detail },
        headers: refusal.headers,
      });
    }
    if (method === "GET" && path === "/api/events") {
      entry.status = 200;
      return events.serve(res, userId, oneHeader(req.headers["last-event-id"]));
    }
    const key = oneHeader(req.headers["idempotency-key"]);
    const check = isIdempotentRoute(method, path)
      ? idempotency.begin(userId, key, `${method} ${path} ${JSON.stringify(body ?? null)}`)
      : ({ kind: "none" } as const);
    if (check.kind === "answer") return reply(check.answer);
    const drop = takeFirst(drops, method, path + url.search);
    if (drop) {
      entry.status = "dropped";
      req.socket.destroy();
      await pause(drop.processingMs);
    }
    const ifMatch = oneHeader(req.headers["if-match"]);
    const sent = answer(store, tick, {
      method,
      path,
      query: url.searchParams,
      body,
      ifMatch,
      userId,
    });
    if (check.kind === "fresh") check.finish(sent);
    if (!drop) reply(sent);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    void (async () => {
      if (url.pathname === "/api/auth/token") return issueToken(req, res);
      if (down) return void req.socket.destroy();
      if (url.pathname === "/health") {
        healthChecks += 1;
        return send(res, 200, { status: "ok" });
      }
      if (held) await held;
      const userId = await authenticate(req);
      if (!userId) {
        return send(
          res,
          401,
          { detail: "Invalid authentication token" },
          { "WWW-Authenticate": "Bearer" },
        );
      }
      await route(req, res, url, userId);
    })().catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) send(res, 500, { detail: String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    received,
    events,
    tokensIssued: () => tokenCount,
    healthChecks: () => healthChecks,
    session(userId) {
      const cookie = `better-auth.session_token=${randomUUID()}`;
      sessions.set(cookie, userId);
      return cookie;
    },
    endSession(cookie) {
      sessions.delete(cookie);
    },
    seed(userId, input) {
      const created = input.map((partial, index) => {
        const at = new Date(clock - (index + 1) * 60_000).toISOString();
        return {
          id: randomUUID(),
          user_id: userId,
          description: null,
          is_completed: false,
          ...unorganizedFields(),
          created_at: at,
          updated_at: at,
          ...partial,
        };
      });
      // One with a `deleted_at` goes into the trash.
      for (const task of created) (task.deleted_at ? store.trashed : tasks).push(task);
      // Copies: a later change in the store must not rewrite what the test was given.
      return created.map((task) => ({ ...task }));
    },
    tasksOf: (userId) => tasks.filter((task) => task.user_id === userId).sort(newestFirst),
    trashOf: (userId) =>
      store.trashed.filter((task) => task.user_id === userId).sort(newestDeletionFirst),
    changeElsewhere(id, changes) {
      const task = tasks.find((candidate) => candidate.id === id);
      if (!task) throw new Error(`changeElsewhere: no task ${id}`);
      Object.assign(task, changes, { updated_at: tick() });
      return { ...task };
    },
    refuseNext(method, path, status, detail, headers) {
      const waits: Record<string, string> =
        status === 503 || status === 429 ? { "Retry-After": "1" } : {};
      refusals.push({ method, path, status, detail, headers: { ...waits, ...headers } });
    },
    dropNext(method, path, processingMs = 0) {
      drops.push({ method, path, processingMs });
    },
    hold() {
      held = new Promise<void>((resolve) => {
        releaseHeld = () => {
          held = null;
          resolve();
        };
      });
      return releaseHeld;
    },
    goDown() {
      down = true;
      return () => {
        down = false;
      };
    },
    reset() {
      down = false;
      events.closeAll();
      releaseHeld();
      refusals.length = 0;
      drops.length = 0;
    },
    async rotateSigningKey() {
      keys = await generateKeyPair("EdDSA", { crv: "Ed25519" });
    },
    close: () =>
      new Promise<void>((resolve) => {
        events.closeAll();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
