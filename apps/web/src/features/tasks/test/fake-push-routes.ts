import type { Answer, TaskRequest } from "./fake-task-routes";

/** A real P-256 public key's shape (65 bytes, base64url), as the API's VAPID key is. */
export const FAKE_PUBLIC_KEY = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 7)]).toString(
  "base64url",
);

/** The push routes: the key, and subscriptions kept per endpoint (the last poster owns it). */
export function pushAnswer(
  subscriptions: Map<string, string>,
  { method, path, body, userId }: TaskRequest,
): Answer | null {
  if (path === "/api/push/public-key" && method === "GET") {
    return { status: 200, body: { public_key: FAKE_PUBLIC_KEY } };
  }
  if (path !== "/api/push/subscriptions") return null;
  const endpoint = typeof body?.endpoint === "string" ? body.endpoint : "";
  if (!endpoint) {
    const issue = { loc: ["body", "endpoint"], msg: "Field required", type: "missing" };
    return { status: 422, body: { detail: [issue] } };
  }
  if (method === "POST") {
    subscriptions.set(endpoint, userId);
    const now = new Date().toISOString();
    return { status: 201, body: { endpoint, created_at: now, updated_at: now } };
  }
  if (method === "DELETE") {
    if (subscriptions.get(endpoint) === userId) subscriptions.delete(endpoint);
    return { status: 204 };
  }
  return { status: 405, body: { detail: "Method Not Allowed" } };
}
