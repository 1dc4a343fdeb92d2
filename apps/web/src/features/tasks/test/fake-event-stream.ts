import type { ServerResponse } from "node:http";

/**
 * The fake task API's `GET /api/events`: Server-Sent Events as the API sends them (`ready` with
 * `retry`, ids, `Last-Event-ID` resumes or `resync`, the ending events). Tests push the events.
 */
export interface FakeEventStream {
  /** Streams of this user open now. */
  open(userId: string): number;
  /** Send an event to the user's open streams (and keep it for resumes); returns its id. */
  push(userId: string, type: string, data: unknown): string;
  /** End the user's streams with this event. */
  end(userId: string, why: "token-expired" | "shutdown" | "resync"): void;
  /** Cut the user's streams without a word, as a lost connection does. */
  cut(userId: string): void;
}

export interface FakeEventStreamServer extends FakeEventStream {
  /** Answer a `GET /api/events` of `userId`, resuming after `lastEventId` if given. */
  serve(res: ServerResponse, userId: string, lastEventId: string | undefined): void;
  closeAll(): void;
}

type Sent = { id: number; userId: string; type: string; data: string };

const frame = (type: string, data: string, id?: number) =>
  `${id === undefined ? "" : `id: ${id}\n`}event: ${type}\ndata: ${data}\n\n`;

/** The server's `retry`: short, so tests reconnect quickly. */
export const FAKE_RETRY_MS = 50;

export function createFakeEventStream(): FakeEventStreamServer {
  const log: Sent[] = [];
  const streams = new Map<ServerResponse, string>();
  let nextId = 100;
  const of = (userId: string) =>
    [...streams].filter(([, owner]) => owner === userId).map(([res]) => res);

  return {
    serve(res, userId, lastEventId) {
      res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
      res.write(`retry: ${FAKE_RETRY_MS}\nevent: ready\ndata: {}\n\n`);
      if (lastEventId !== undefined) {
        const after = Number(lastEventId);
        const known = log.some((sent) => sent.id === after && sent.userId === userId);
        if (!known) res.write(frame("resync", "{}"));
        else {
          for (const sent of log) {
            if (sent.userId === userId && sent.id > after) {
              res.write(frame(sent.type, sent.data, sent.id));
            }
          }
        }
      }
      streams.set(res, userId);
      res.on("close", () => streams.delete(res));
    },
    open: (userId) => of(userId).length,
    push(userId, type, data) {
      nextId += 1;
      const sent = { id: nextId, userId, type, data: JSON.stringify(data) };
      log.push(sent);
      for (const res of of(userId)) res.write(frame(sent.type, sent.data, sent.id));
      return String(sent.id);
    },
    end(userId, why) {
      for (const res of of(userId)) {
        streams.delete(res);
        res.end(frame(why, "{}"));
      }
    },
    cut(userId) {
      for (const res of of(userId)) {
        streams.delete(res);
        res.socket?.destroy();
      }
    },
    closeAll() {
      for (const res of streams.keys()) res.socket?.destroy();
      streams.clear();
    },
  };
}
