import type { Answer } from "./fake-task-routes";

/**
 * The API's Idempotency-Key layer (draft-ietf-httpapi-idempotency-key-header) for create and
 * toggle: the first answer per user and key is kept for 24 hours and replayed, with
 * `Idempotent-Replayed: true`, to a retry with the same key.
 */
export type IdempotencyCheck =
  /** No key: the request is handled as it would be without the layer. */
  | { kind: "none" }
  /** A replay, or a refusal (malformed key 400, still in flight 409, other request 422). */
  | { kind: "answer"; answer: Answer }
  /** First use of the key: handle the request, then `finish` with its answer. */
  | { kind: "fresh"; finish(answer: Answer): void };

type Entry =
  | { fingerprint: string; at: number; answer: null }
  | { fingerprint: string; at: number; answer: Answer };

const KEEP_MS = 24 * 60 * 60 * 1000;

/** An sf-string (RFC 8941): printable ASCII in double quotes, `"` and `\` escaped. */
const SF_STRING = /^"(?:[\x20\x21\x23-\x5B\x5D-\x7E]|\\["\\])*"$/;

export const isIdempotentRoute = (method: string, path: string) =>
  (method === "POST" && path === "/api/tasks") ||
  (method === "PATCH" && /^\/api\/tasks\/[^/]+\/complete$/.test(path));

export function createIdempotencyStore(now: () => number = Date.now) {
  const entries = new Map<string, Entry>();

  function begin(
    userId: string,
    header: string | undefined,
    fingerprint: string,
  ): IdempotencyCheck {
    if (header === undefined) return { kind: "none" };
    if (!SF_STRING.test(header.trim())) {
      const detail = 'Idempotency-Key must be a quoted string, e.g. "8e03978e-…".';
      return { kind: "answer", answer: { status: 400, body: { detail } } };
    }
    const id = `${userId}\n${header.trim()}`;
    const found = entries.get(id);
    if (found && found.at + KEEP_MS > now()) {
      if (found.fingerprint !== fingerprint) {
        const detail = "This Idempotency-Key was already used for a different request.";
        return { kind: "answer", answer: { status: 422, body: { detail } } };
      }
      if (!found.answer) {
        const detail = "A request with this Idempotency-Key is still being processed.";
        const answer = { status: 409, body: { detail }, headers: { "Retry-After": "1" } };
        return { kind: "answer", answer };
      }
      const { answer } = found;
      const replay = { ...answer, headers: { ...answer.headers, "Idempotent-Replayed": "true" } };
      return { kind: "answer", answer: replay };
    }
    const entry: Entry = { fingerprint, at: now(), answer: null };
    entries.set(id, entry);
    return {
      kind: "fresh",
      finish(answer: Answer) {
        // A server error is not an answer to keep: the retry gets handled afresh.
        if (answer.status >= 500) entries.delete(id);
        else entries.set(id, { ...entry, answer });
      },
    };
  }

  return { begin, clear: () => entries.clear() };
}
