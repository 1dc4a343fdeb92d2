import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeTaskApi, startFakeTaskApi } from "@/features/tasks/test/fake-task-api";
import { createApiClient, fetchWithin, fixedToken } from "./api-client";
import { createTokenSource } from "./api-token";

let server: FakeTaskApi;
let user = 0;

beforeAll(async () => {
  server = await startFakeTaskApi();
});
afterAll(() => server.close());

function signedIn() {
  user += 1;
  const userId = `client-user-${user}`;
  const cookie = server.session(userId);
  const tokens = createTokenSource({
    tokenUrl: `${server.url}/api/auth/token`,
    fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, cookie } }),
  });
  return { userId, tokens, api: createApiClient({ baseUrl: server.url, tokens }) };
}

describe("createApiClient", () => {
  it("sends the session's token as a Bearer header", async () => {
    const { userId, api } = signedIn();

    const { data, response } = await api.POST("/api/tasks", { body: { title: "Mine" } });

    expect(response.status).toBe(201);
    expect(data?.user_id).toBe(userId);
    expect(server.tasksOf(userId).map((task) => task.title)).toEqual(["Mine"]);
  });

  it("after a 401, gets a new token and sends the same request (body included) once more", async () => {
    const { userId, api } = signedIn();
    await api.GET("/api/tasks", { params: { query: { status: "all" } } });
    await server.rotateSigningKey();
    const before = server.tokensIssued();

    const { data, response } = await api.POST("/api/tasks", {
      body: { title: "After rotation", description: "kept" },
    });

    expect(response.status).toBe(201);
    expect(data).toMatchObject({ title: "After rotation", description: "kept" });
    expect(server.tokensIssued() - before).toBe(1);
    expect(server.tasksOf(userId)).toHaveLength(1);
  });

  it("replays a 401'd request with its Idempotency-Key and If-Match unchanged", async () => {
    const { userId, tokens } = signedIn();
    const seen: string[] = [];
    const api = createApiClient({
      baseUrl: server.url,
      tokens,
      fetch: (input, init) => {
        const request = new Request(input, init);
        seen.push(`${request.headers.get("Idempotency-Key")} ${request.headers.get("If-Match")}`);
        return globalThis.fetch(request);
      },
    });
    await tokens.getToken();
    await server.rotateSigningKey();
    const [task] = server.seed(userId, [{ title: "Toggle me" }]);
    const key = '"0d4c9a51-7f7e-4a8e-9c1b-3a2f6c5d8e90"';
    const ifMatch = `"${task?.updated_at}"`;

    const { response } = await api.PATCH("/api/tasks/{id}/complete", {
      params: { path: { id: task?.id ?? "" } },
      body: { is_completed: true },
      headers: { "Idempotency-Key": key, "If-Match": ifMatch },
    });

    expect(response.status).toBe(200);
    expect(seen).toEqual([`${key} ${ifMatch}`, `${key} ${ifMatch}`]);
    const handled = server.received.filter((r) => r.userId === userId);
    expect(handled.map((r) => [r.headers["idempotency-key"], r.headers["if-match"]])).toEqual([
      [key, ifMatch],
    ]);
  });

  it("returns a second 401 as it is, after exactly one retry", async () => {
    let refreshes = 0;
    const api = createApiClient({
      baseUrl: server.url,
      tokens: {
        getToken: () => Promise.resolve("not-a-jwt"),
        refresh: () => {
          refreshes += 1;
          return Promise.resolve("still-not-a-jwt");
        },
      },
    });

    const { error, response } = await api.GET("/api/tasks", { params: { query: {} } });

    expect(response.status).toBe(401);
    expect(error).toEqual({ detail: "Invalid authentication token" });
    expect(refreshes).toBe(1);
  });

  it("does not retry with a fixed token that cannot change", async () => {
    const api = createApiClient({ baseUrl: server.url, tokens: fixedToken("not-a-jwt") });
    const before = server.received.length;

    const { response } = await api.DELETE("/api/tasks/{id}", {
      params: { path: { id: "00000000-0000-4000-8000-000000000000" } },
    });

    expect(response.status).toBe(401);
    expect(server.received.length).toBe(before);
  });
});

describe("fetchWithin", () => {
  /** A server that takes every request and never answers it. */
  async function silentServer(): Promise<{ url: string; server: Server }> {
    const server = createServer(() => {});
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
  }

  it("a request without an answer in time fails as a lost connection (TypeError)", async () => {
    const { url, server } = await silentServer();
    try {
      const send = fetchWithin(100, (request, init) => fetch(request, init));
      const failure = await send(new Request(`${url}/api/tasks`)).catch((error: unknown) => error);
      expect([failure instanceof TypeError, (failure as Error).message]).toEqual([
        true,
        "The task service did not answer in time",
      ]);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it("a request its caller aborts stays an abort, not a lost connection", async () => {
    const { url, server } = await silentServer();
    try {
      const send = fetchWithin(5_000, (request, init) => fetch(request, init));
      const caller = new AbortController();
      const sent = send(new Request(`${url}/api/tasks`, { signal: caller.signal }));
      caller.abort();
      const failure = await sent.catch((error: unknown) => error);
      expect([failure instanceof TypeError, (failure as Error).name]).toEqual([
        false,
        "AbortError",
      ]);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
