import { createParser } from "eventsource-parser";
import { SessionEndedError, type TokenSource } from "@/lib/api-token";

/** A change the stream reported (`task.created`, `task.updated`, `task.deleted`, `labels.changed`), or `resync`. */
export type LiveMessage = { type: string; data: string };

export interface LiveConnectionOptions {
  /** The stream's address: the API's `/api/events`. */
  url: string;
  tokens: Pick<TokenSource, "getToken" | "refresh">;
  onMessage(message: LiveMessage): void;
  /** The stream is open (its `ready` arrived), or no longer is. */
  onConnectedChange(connected: boolean): void;
  fetch?: typeof globalThis.fetch;
}

export interface LiveConnection {
  start(): void;
  stop(): void;
  /** Skip the wait before the next try (the browser came back online). */
  reconnectNow(): void;
}

/** Until the server says otherwise (its `retry` field). */
const DEFAULT_RETRY_MS = 2000;
const MAX_BACKOFF_MS = 30_000;
/** The server comments every 25 s: this long without a byte, the connection is taken as dead. */
const SILENCE_MS = 70_000;
/** The events that end a stream on purpose: each is followed by a reconnect. */
const ENDINGS = new Set(["token-expired", "shutdown", "resync"]);

/** How an attempt ended, and so how long to wait before the next. */
type Outcome =
  | { kind: "stopped" | "session-ended" | "token-refused" }
  | { kind: "ended"; why: string }
  | { kind: "unreachable"; resumed: boolean }
  | { kind: "refused"; retryAfterMs: number };

const retryAfterOf = (response: Response) => {
  const seconds = Number(response.headers.get("Retry-After"));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
};

/**
 * The user's live changes (`GET /api/events`), read with fetch so the token goes in the
 * `Authorization` header. Reconnects by itself: at once with a fresh token when the old one
 * expired, after a random part of the server's `retry` when the server shuts down (so a replica's
 * streams do not all come back at the same moment), with doubling backoff when the API cannot be
 * reached, and no sooner than its `Retry-After` when it refuses (429, 503). Each reconnect sends
 * `Last-Event-ID` so missed events are replayed; when that cannot be (no event seen yet, or the
 * server said `resync`) it reports `resync` once the new stream is open, as what was missed is
 * unknown.
 */
export function createLiveConnection(options: LiveConnectionOptions): LiveConnection {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let lastId: string | undefined;
  let retryMs = DEFAULT_RETRY_MS;
  let failures = 0;
  let hadStream = false;
  let run = 0;
  let abort: AbortController | null = null;
  let wake: (() => void) | null = null;

  const backoff = () => {
    const base = Math.min(MAX_BACKOFF_MS, retryMs * 2 ** failures);
    failures += 1;
    return base * (0.8 + Math.random() * 0.4);
  };

  function delayAfter(outcome: Outcome): number | null {
    switch (outcome.kind) {
      case "stopped":
      case "session-ended":
        return null;
      case "token-refused":
        return failures++ === 0 ? 0 : backoff();
      case "ended":
        if (outcome.why === "shutdown") return Math.random() * retryMs;
        return outcome.why === "dropped" ? backoff() : 0;
      case "unreachable":
        // A request that resumed may have been refused for its `Last-Event-ID` header alone (a
        // proxy, or a cross-origin policy without it): the next goes at once, without it.
        return outcome.resumed ? 0 : backoff();
      case "refused":
        return Math.max(outcome.retryAfterMs, backoff());
    }
  }

  async function read(body: ReadableStream<Uint8Array>, controller: AbortController) {
    let last = "";
    const parser = createParser({
      onEvent(message) {
        if (message.id !== undefined) lastId = message.id;
        const type = message.event ?? "message";
        last = type;
        if (type === "ready") {
          failures = 0;
          const missedUnknown = hadStream && lastId === undefined;
          hadStream = true;
          options.onConnectedChange(true);
          if (missedUnknown) options.onMessage({ type: "resync", data: "{}" });
        } else if (type === "resync") {
          // Everything is fetched again: nothing before this point is to be replayed.
          lastId = undefined;
          options.onMessage({ type, data: message.data });
        } else if (!ENDINGS.has(type)) {
          options.onMessage({ type, data: message.data });
        }
      },
      onRetry(ms) {
        retryMs = ms;
      },
    });
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let silence = setTimeout(() => controller.abort(), SILENCE_MS);
    try {
      while (true) {
        const { done, value } = await reader.read();
        if (done) break;
        clearTimeout(silence);
        silence = setTimeout(() => controller.abort(), SILENCE_MS);
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } catch {
      // Aborted, or the connection broke: either way the stream is over.
    } finally {
      clearTimeout(silence);
    }
    return ENDINGS.has(last) ? last : "dropped";
  }

  async function attempt(current: number): Promise<Outcome> {
    let token: string;
    try {
      token = await options.tokens.getToken();
    } catch (error) {
      return error instanceof SessionEndedError
        ? { kind: "session-ended" }
        : { kind: "unreachable", resumed: false };
    }
    if (current !== run) return { kind: "stopped" };
    const controller = new AbortController();
    abort = controller;
    const resumeFrom = lastId;
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
      Accept: "text/event-stream",
    };
    if (resumeFrom !== undefined) headers["Last-Event-ID"] = resumeFrom;
    let response: Response;
    try {
      response = await doFetch(options.url, {
        headers,
        cache: "no-store",
        signal: controller.signal,
      });
    } catch {
      if (controller.signal.aborted) return { kind: "stopped" };
      if (resumeFrom !== undefined) lastId = undefined;
      return { kind: "unreachable", resumed: resumeFrom !== undefined };
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel().catch(() => {});
      if (response.status === 401) return renewToken(token, { kind: "token-refused" });
      // A refused `Last-Event-ID` (422) is not sent again: the stream starts afresh.
      if (response.status === 422) lastId = undefined;
      return { kind: "refused", retryAfterMs: retryAfterOf(response) };
    }
    const why = await read(response.body, controller);
    if (current !== run) return { kind: "stopped" };
    options.onConnectedChange(false);
    if (why === "token-expired") return renewToken(token, { kind: "ended", why });
    return { kind: "ended", why };
  }

  /** Asks for a token other than `rejected`; the session having ended stops the stream. */
  async function renewToken(rejected: string, outcome: Outcome): Promise<Outcome> {
    try {
      await options.tokens.refresh(rejected);
      return outcome;
    } catch (error) {
      return error instanceof SessionEndedError ? { kind: "session-ended" } : outcome;
    }
  }

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function loop(current: number) {
    while (current === run) {
      const outcome = await attempt(current);
      if (current !== run) return;
      const delay = delayAfter(outcome);
      if (delay === null) {
        run += 1;
        return;
      }
      await pause(delay);
      wake = null;
    }
  }

  return {
    start() {
      run += 1;
      abort?.abort();
      abort = null;
      wake?.();
      void loop(run);
    },
    stop() {
      run += 1;
      abort?.abort();
      abort = null;
      wake?.();
    },
    reconnectNow() {
      wake?.();
    },
  };
}
