import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { generateKeyPair, jwtVerify, SignJWT } from "jose";
import type { Task } from "../task-api";
import { validate } from "./fake-task-validation";

/**
 * A real HTTP server that answers like the task API (issue 2's contract: paths, status codes,
 * `{"detail": …}`, `Link` + `X-Total-Count`, keyset cursors) and like Better Auth's
 * `/api/auth/token`, for component tests. Tokens are real EdDSA JWTs, verified on every request.
 * Tests can make the next matching request fail, hold requests until released, and read what
 * was received.
 */
export interface ReceivedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  userId: string | null;
}

interface Refusal {
  method: string;
  path: RegExp;
  status: number;
  detail: unknown;
}

export interface FakeTaskApi {
  url: string;
  received: ReceivedRequest[];
  /** Token requests answered (200 or 401). */
  tokensIssued(): number;
  /** A session cookie for this user, to send to `/api/auth/token`. */
  session(userId: string): string;
  endSession(cookie: string): void;
  /** Tasks straight into the store; `created_at` decreases with position (first = newest). */
  seed(userId: string, tasks: Array<Partial<Task> & { title: string }>): Task[];
  tasksOf(userId: string): Task[];
  /** The next request matching method and path-with-query gets this status and `{"detail": detail}`. */
  refuseNext(method: string, path: RegExp, status: number, detail: unknown): void;
  /** API requests wait until the returned function is called. */
  hold(): () => void;
  /** Release held requests and forget unused refusals (after each test). */
  reset(): void;
  /** Sign with a new key and trust only it: every token issued so far is now refused. */
  rotateSigningKey(): Promise<void>;
  close(): Promise<void>;
}

const ISSUER = "http://localhost:3000";
function send(res: ServerResponse, status: number, body?: unknown, headers = {}) {
  res.writeHead(status, {
    ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    ...headers,
  });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let raw = "";
  for await (const chunk of req) raw += chunk;
  return raw ? JSON.parse(raw) : undefined;
}

type Position = Pick<Task, "created_at" | "id">;

const newestFirst = (a: Position, b: Position) =>
  a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1;

export async function startFakeTaskApi(): Promise<FakeTaskApi> {
  let keys = await generateKeyPair("EdDSA", { crv: "Ed25519" });
  const sessions = new Map<string, string>();
  const tasks: Task[] = [];
  const received: ReceivedRequest[] = [];
  const refusals: Refusal[] = [];
  let held: Promise<void> | null = null;
  let releaseHeld = () => {};
  let tokenCount = 0;
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

  function list(res: ServerResponse, userId: string, query: URLSearchParams) {
    const status = query.get("status") ?? "all";
    const limit = Number(query.get("limit") ?? 50);
    if (!["all", "pending", "completed"].includes(status)) {
      return send(res, 422, {
        detail: [
          {
            loc: ["query", "status"],
            msg: "Input should be 'all', 'pending' or 'completed'",
            type: "enum",
          },
        ],
      });
    }
    const mine = tasks
      .filter((task) => task.user_id === userId)
      .filter((task) => status === "all" || task.is_completed === (status === "completed"))
      .sort(newestFirst);
    const cursor = query.get("cursor");
    const after: Position | null = cursor
      ? JSON.parse(Buffer.from(cursor, "base64url").toString())
      : null;
    const rest = after ? mine.filter((task) => newestFirst(task, after) > 0) : mine;
    const page = rest.slice(0, limit);
    const headers: Record<string, string> = { "X-Total-Count": String(mine.length) };
    const last = page.at(-1);
    if (rest.length > limit && last) {
      const next = Buffer.from(
        JSON.stringify({ created_at: last.created_at, id: last.id }),
      ).toString("base64url");
      headers.Link = `</api/tasks?limit=${limit}&cursor=${next}&status=${status}>; rel="next"`;
    }
    send(res, 200, page, headers);
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL, userId: string) {
    const body = (await readJson(req)) as Record<string, unknown> | undefined;
    received.push({
      method: req.method ?? "",
      path: url.pathname,
      query: url.searchParams,
      body,
      userId,
    });
    const refusal = refusals.findIndex(
      (r) => r.method === req.method && r.path.test(url.pathname + url.search),
    );
    if (refusal >= 0) {
      const [{ status, detail }] = refusals.splice(refusal, 1) as [Refusal];
      return send(res, status, { detail });
    }
    if (url.pathname === "/api/tasks" && req.method === "GET")
      return list(res, userId, url.searchParams);
    if (url.pathname === "/api/tasks" && req.method === "POST") {
      const issues = validate(body ?? {}, true);
      if (issues.length) return send(res, 422, { detail: issues });
      const now = tick();
      const task: Task = {
        id: randomUUID(),
        user_id: userId,
        title: String(body?.title).trim(),
        description: typeof body?.description === "string" ? body.description : null,
        is_completed: false,
        created_at: now,
        updated_at: now,
      };
      tasks.push(task);
      return send(res, 201, task, { Location: `/api/tasks/${task.id}` });
    }
    const match = /^\/api\/tasks\/([^/]+)(\/complete)?$/.exec(url.pathname);
    const task = tasks.find((candidate) => candidate.id === match?.[1]);
    if (!match || !task) return send(res, 404, { detail: match ? "Task not found" : "Not Found" });
    if (task.user_id !== userId)
      return send(res, 403, { detail: "Not allowed to access this task" });
    if (req.method === "DELETE" && !match[2]) {
      tasks.splice(tasks.indexOf(task), 1);
      return send(res, 204);
    }
    if (req.method === "PATCH" && match[2]) {
      task.is_completed =
        typeof body?.is_completed === "boolean" ? body.is_completed : !task.is_completed;
    } else if (req.method === "PATCH") {
      const issues = validate(body ?? {}, false);
      if (issues.length) return send(res, 422, { detail: issues });
      if (typeof body?.title === "string") task.title = body.title.trim();
      if (body && "description" in body)
        task.description = (body.description as string | null) ?? null;
    } else return send(res, 405, { detail: "Method Not Allowed" });
    task.updated_at = tick();
    send(res, 200, task);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    void (async () => {
      if (url.pathname === "/api/auth/token") return issueToken(req, res);
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
    })().catch((error: unknown) => send(res, 500, { detail: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    received,
    tokensIssued: () => tokenCount,
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
          created_at: at,
          updated_at: at,
          ...partial,
        };
      });
      tasks.push(...created);
      return created;
    },
    tasksOf: (userId) => tasks.filter((task) => task.user_id === userId).sort(newestFirst),
    refuseNext(method, path, status, detail) {
      refusals.push({ method, path, status, detail });
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
    reset() {
      releaseHeld();
      refusals.length = 0;
    },
    async rotateSigningKey() {
      keys = await generateKeyPair("EdDSA", { crv: "Ed25519" });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
