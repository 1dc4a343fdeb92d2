import { vi } from "vitest";

type Reply = { status: number; body: unknown };

/**
 * Stands in for the network under the account components (component tests only): answers each
 * Better Auth path with the status and body the real server sends (as the integration tests in
 * test/integration/ see them), and records what was sent. Unlisted paths answer 404.
 */
export function stubAuthRoutes(routes: Record<string, Reply | ((body: unknown) => Reply)>) {
  const requests: { path: string; method: string; body: unknown }[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const url = new URL(request.url);
    const raw = request.method === "GET" ? "" : await request.text();
    const body: unknown = raw ? JSON.parse(raw) : undefined;
    requests.push({ path: url.pathname, method: request.method, body });
    const route = routes[url.pathname];
    const reply = typeof route === "function" ? route(body) : (route ?? notFound);
    return new Response(JSON.stringify(reply.body), {
      status: reply.status,
      headers: { "content-type": "application/json" },
    });
  });
  vi.stubGlobal("fetch", fetchStub);
  return { requests, sentTo: (path: string) => requests.filter((r) => r.path === path) };
}

const notFound: Reply = { status: 404, body: { message: "Not found" } };

export const ok = (body: unknown): Reply => ({ status: 200, body });

export const wrongPassword: Reply = {
  status: 400,
  body: { code: "INVALID_PASSWORD", message: "Invalid password" },
};
