import { createRoute, z } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import { decodeJwt } from "jose";
import { type EventStream, STREAMS_PER_USER, type StreamEnd } from "../../events/event-hub.ts";
import { eventsAfter, type LiveEvent } from "../../events/event-queries.ts";
import type { App } from "../../lib/context.ts";
import { ApiError, DETAIL } from "../../lib/errors.ts";
import { BEARER_AUTH, errorResponses, RATE_LIMIT_HEADERS } from "../../lib/openapi.ts";
import { accountRoute } from "../account/middleware.ts";

/** What a client waits before reconnecting (the SSE `retry` field). */
const RECONNECT_MS = 2000;

export const streamEventsRoute = createRoute({
  method: "get",
  path: "/api/events",
  operationId: "streamEvents",
  tags: ["events"],
  summary: "Your changes, live",
  description:
    "A Server-Sent Events stream of the caller's own changes, made on any device through any replica: `task.created` and `task.updated` (data: the task's JSON), `task.deleted` (data: `{\"id\"}`), `labels.changed` (data: the caller's labels as `GET /api/labels` answers them). Each event has an `id`; a client reconnecting with `Last-Event-ID` gets what it missed in the last 5 minutes, else an `event: resync` (refetch the lists). A comment every 25 s keeps the connection open. When the token expires the stream ends with `event: token-expired` (reconnect with a fresh one); when the server stops, with `event: shutdown` (reconnect). Read it with `fetch` (the token in the `Authorization` header).",
  security: BEARER_AUTH,
  middleware: accountRoute,
  request: {
    headers: z.object({
      "last-event-id": z
        .string()
        .regex(/^\d{1,15}$/, DETAIL.badLastEventId)
        .optional()
        .openapi({
          description: "The id of the last event received, to resume after it.",
          example: "1042",
        }),
    }),
  },
  responses: {
    200: {
      description: "The stream (`text/event-stream`).",
      headers: RATE_LIMIT_HEADERS,
      content: { "text/event-stream": { schema: z.string() } },
    },
    ...errorResponses(401, 429, 503),
  },
});

type Message = { event: string; data: string; id?: string };

const toMessage = (event: LiveEvent): Message => ({
  event: event.type,
  data: event.data,
  id: String(event.id),
});

export function registerStreamEvents(app: App) {
  app.openapi(streamEventsRoute, async (c) => {
    const userId = c.get("user").id;
    const hub = c.get("events");
    const lastId = c.req.valid("header")["last-event-id"];
    const token = c.req.header("authorization")?.slice("Bearer ".length) ?? "";
    const expiresAt = (decodeJwt(token).exp ?? 0) * 1000;
    const queue: Message[] = [];
    let wake: (() => void) | undefined;
    let ended = false;
    const push = (message: Message) => {
      queue.push(message);
      wake?.();
    };
    const finish = (message?: Message) => {
      if (ended) return;
      if (message) queue.push(message);
      ended = true;
      wake?.();
    };
    const sent = new Set<number>();
    const stream: EventStream = {
      userId,
      send(event) {
        if (ended || sent.has(event.id)) return !ended;
        if (queue.length >= hub.maxQueued) {
          finish({ event: "resync", data: "{}" });
          return false;
        }
        sent.add(event.id);
        if (sent.size > hub.maxQueued) sent.delete(sent.values().next().value ?? 0);
        push(toMessage(event));
        return true;
      },
      resync: () => push({ event: "resync", data: "{}" }),
      end: (why: StreamEnd) => finish({ event: why, data: "{}" }),
    };
    const added = await hub.add(stream);
    if (added === "user-full") {
      throw new ApiError(429, DETAIL.tooManyStreams(STREAMS_PER_USER), { "Retry-After": "30" });
    }
    if (added === "process-full")
      throw new ApiError(503, DETAIL.streamsFull, { "Retry-After": "5" });
    let missed: LiveEvent[] | "resync" = [];
    try {
      if (lastId !== undefined) {
        missed = await eventsAfter(c.get("database").db, { userId, lastId: Number(lastId) });
      }
    } catch (error) {
      hub.remove(stream);
      throw error;
    }
    c.header("Cache-Control", "no-cache");
    c.header("X-Accel-Buffering", "no");
    return streamSSE(c, async (sse) => {
      const heartbeat = setInterval(() => void sse.write(": heartbeat\n\n"), hub.heartbeatMs);
      const expiry = setTimeout(
        () => finish({ event: "token-expired", data: "{}" }),
        Math.max(0, expiresAt - Date.now()),
      );
      sse.onAbort(() => finish());
      try {
        await sse.writeSSE({ event: "ready", data: "{}", retry: RECONNECT_MS });
        if (missed === "resync") stream.resync();
        else for (const event of missed) stream.send(event);
        while (true) {
          const message = queue.shift();
          if (message !== undefined) {
            await sse.writeSSE(message);
            continue;
          }
          if (ended) break;
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = undefined;
        }
      } finally {
        clearInterval(heartbeat);
        clearTimeout(expiry);
        hub.remove(stream);
      }
    });
  });
}
