import { describe, expect, test } from "vitest";
import { createTask, setupTestApi } from "../test/harness.ts";

const api = setupTestApi();

const NOT_FOUND = { status: 404, body: { detail: "Not Found" }, allow: null };
const notAllowed = (allow: string) => ({
  status: 405,
  body: { detail: "Method Not Allowed" },
  allow,
});

describe("unknown routes and methods", () => {
  test.each([
    ["GET", "/"],
    ["GET", "/nope"],
    ["GET", "/api"],
    ["GET", "/api/tasks/"],
    ["GET", "/api/tasks/5d3e1c2b-0a9f-4e8d-b7c6-a5f4e3d2c1b0/extra"],
    ["POST", "/api/users"],
    ["GET", "/health/"],
    ["GET", "/%2e%2e/etc/passwd"],
  ])("%s %s: 404", async (method, path) => {
    const response = await api.anonymous.fetch(path, { method });
    expect({
      status: response.status,
      body: response.body,
      allow: response.headers.get("allow"),
    }).toEqual(NOT_FOUND);
  });

  test.each([
    ["PUT", "/api/tasks", "DELETE, GET, HEAD, POST"],
    ["PATCH", "/api/tasks", "DELETE, GET, HEAD, POST"],
    ["POST", "/api/tasks/5d3e1c2b-0a9f-4e8d-b7c6-a5f4e3d2c1b0", "DELETE, GET, HEAD, PATCH, PUT"],
    ["POST", "/api/tasks/not-a-uuid", "DELETE, GET, HEAD, PATCH, PUT"],
    ["GET", "/api/tasks/5d3e1c2b-0a9f-4e8d-b7c6-a5f4e3d2c1b0/complete", "PATCH"],
    ["GET", "/api/tasks/5d3e1c2b-0a9f-4e8d-b7c6-a5f4e3d2c1b0/restore", "POST"],
    ["POST", "/health", "GET, HEAD"],
    ["DELETE", "/ready", "GET, HEAD"],
    ["POST", "/openapi.json", "GET, HEAD"],
    ["PUT", "/docs", "GET, HEAD"],
  ])(
    "%s %s: 405 with Allow: %s (no authentication needed to learn it)",
    async (method, path, allow) => {
      const response = await api.anonymous.fetch(path, { method });
      expect({
        status: response.status,
        body: response.body,
        allow: response.headers.get("allow"),
      }).toEqual(notAllowed(allow));
    },
  );
});

describe("CORS", () => {
  test("a preflight from an allowed origin may send Authorization, Idempotency-Key, If-Match and Last-Event-ID", async () => {
    const response = await api.anonymous.fetch("/api/tasks", {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:3000",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type, idempotency-key, if-match",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    expect(response.headers.get("access-control-allow-headers")).toBe(
      "Authorization,Content-Type,X-Request-Id,Idempotency-Key,If-Match,Last-Event-ID",
    );
    expect(response.headers.get("access-control-allow-methods")).toBe(
      "GET,HEAD,POST,PUT,PATCH,DELETE",
    );
    expect(response.headers.get("access-control-max-age")).toBe("600");
  });

  test("a preflight from another origin gets no Access-Control-Allow-Origin", async () => {
    const response = await api.anonymous.fetch("/api/tasks", {
      method: "OPTIONS",
      headers: { origin: "http://evil.example", "access-control-request-method": "GET" },
    });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  test("responses to an allowed origin expose paging, ETag, idempotency and the rate limits", async () => {
    const alice = await api.user("alice");
    const response = await alice.fetch("/api/tasks", {
      headers: { origin: "http://localhost:3000" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    expect(response.headers.get("access-control-expose-headers")).toBe(
      "Link,X-Total-Count,X-Total-Count-Capped,Location,X-Request-Id,ETag,Idempotent-Replayed,RateLimit-Policy,RateLimit,Retry-After,Content-Disposition",
    );
    expect(response.headers.get("ratelimit")).toMatch(/^"requests";r=599;t=\d+$/);
    expect(response.headers.get("vary")).toBe("Origin");
  });

  test("a request without Origin gets no CORS headers, only Vary: Origin", async () => {
    const alice = await api.user("alice");
    const response = await alice.get("/api/tasks");
    expect(response.status).toBe(200);
    const cors = [...response.headers.keys()].filter((name) => name.startsWith("access-control-"));
    expect(cors).toEqual([]);
    expect(response.headers.get("vary")).toBe("Origin");
    expect(response.headers.get("x-total-count")).toBe("0");
  });

  test("errors carry the CORS headers too, so the browser can read them", async () => {
    const response = await api.anonymous.fetch("/api/tasks", {
      headers: { origin: "http://localhost:3000" },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
  });

  test("a request from another origin gets no Access-Control-Allow-Origin", async () => {
    const alice = await api.user("alice");
    const response = await alice.fetch("/api/tasks", {
      headers: { origin: "http://evil.example" },
    });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  test("CORS_ORIGINS lists several origins", async () => {
    const app = await api.startApp({
      env: { CORS_ORIGINS: "https://a.example,https://b.example" },
    });
    for (const origin of ["https://a.example", "https://b.example"]) {
      const response = await app.client().fetch("/health", { headers: { origin } });
      expect(response.headers.get("access-control-allow-origin")).toBe(origin);
    }
    const other = await app
      .client()
      .fetch("/health", { headers: { origin: "http://localhost:3000" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("request ids", () => {
  test("a valid X-Request-Id is kept and returned", async () => {
    const response = await api.anonymous.fetch("/health", {
      headers: { "x-request-id": "req-abc_123" },
    });
    expect(response.headers.get("x-request-id")).toBe("req-abc_123");
    expect(api.app.logs.some((line) => line.includes('"reqId":"req-abc_123"'))).toBe(true);
  });

  test("a missing or unsafe one is replaced by a fresh UUID", async () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const none = await api.anonymous.fetch("/health");
    const unsafe = await api.anonymous.fetch("/health", {
      headers: { "x-request-id": 'evil"\\injection' },
    });
    expect(none.headers.get("x-request-id")).toMatch(uuid);
    expect(unsafe.headers.get("x-request-id")).toMatch(uuid);
  });
});

describe("X-Content-Type-Options: nosniff on every answer", () => {
  const id = "5d3e1c2b-0a9f-4e8d-b7c6-a5f4e3d2c1b0";
  test.each([
    ["GET /health", "/health", {}, 200],
    ["HEAD /health", "/health", { method: "HEAD" }, 200],
    ["GET /api/tasks without a token", "/api/tasks", {}, 401],
    ["GET an unknown task", `/api/tasks/${id}`, { user: true }, 404],
    ["GET an unknown route", "/nope", {}, 404],
    ["PUT /docs", "/docs", { method: "PUT" }, 405],
    ["a non-UUID id", "/api/tasks/x", { user: true }, 422],
    ["malformed JSON", "/api/tasks", { user: true, method: "POST", body: "{" }, 422],
    [
      "a body that is not JSON",
      "/api/tasks",
      { user: true, method: "POST", type: "text/plain" },
      415,
    ],
    [
      "a body over 64 KiB",
      "/api/tasks",
      { user: true, method: "POST", body: "x".repeat(70_000) },
      413,
    ],
    ["GET /openapi.json", "/openapi.json", {}, 200],
    ["GET /docs", "/docs", {}, 200],
  ] as const)("%s", async (_, path, options, status) => {
    const client = "user" in options ? await api.user("alice") : api.anonymous;
    const method = "method" in options ? options.method : "GET";
    const body = "body" in options ? options.body : method === "POST" ? "{}" : undefined;
    const type = "type" in options ? options.type : "application/json";
    const response = await client.fetch(path, {
      method,
      ...(body === undefined ? {} : { body, headers: { "content-type": type } }),
    });
    expect({
      status: response.status,
      nosniff: response.headers.get("x-content-type-options"),
    }).toEqual({ status, nosniff: "nosniff" });
  });

  test("a CORS preflight", async () => {
    const response = await api.anonymous.fetch("/api/tasks", {
      method: "OPTIONS",
      headers: { origin: "http://localhost:3000", "access-control-request-method": "GET" },
    });
    expect({
      status: response.status,
      nosniff: response.headers.get("x-content-type-options"),
    }).toEqual({ status: 204, nosniff: "nosniff" });
  });
});

describe("no input produces a 500", () => {
  test.each([
    ["a huge limit", "GET", "/api/tasks?limit=99999999999999999999999", 422],
    ["a NUL in the query", "GET", "/api/tasks?status=%00", 422],
    ["a NUL in the id", "GET", "/api/tasks/%00", 422],
    ["a very long id", "GET", `/api/tasks/${"a".repeat(5000)}`, 422],
    ["emoji in the path", "GET", "/api/tasks/%F0%9F%99%82", 422],
    ["a broken percent-escape", "GET", "/api/tasks/%E0%A4%A", 422],
    ["JSON with a deep nesting", "POST", "/api/tasks", 422],
  ])("%s: %s %s → %i", async (name, method, path, status) => {
    const alice = await api.user("alice");
    const body =
      name === "JSON with a deep nesting" ? `${"[".repeat(5000)}${"]".repeat(5000)}` : undefined;
    const response = await alice.fetch(path, {
      method,
      ...(body ? { body, headers: { "content-type": "application/json" } } : {}),
    });
    expect(response.status).toBe(status);
  });

  test("a title made of every kind of character round-trips", async () => {
    const alice = await api.user("alice");
    const title =
      "Ünïcödé ✓ 🙂 \"quotes\" 'single' <b>html</b> \\ back % 100 ; DROP TABLE tasks;--";
    const task = await createTask(alice, { title });
    expect(task.title).toBe(title);
    expect((await alice.get(`/api/tasks/${task.id}`)).body).toMatchObject({ title });
  });
});
