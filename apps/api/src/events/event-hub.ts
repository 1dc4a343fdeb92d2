import type { Database, Listening } from "../db/client.ts";
import type { Logger } from "../lib/logger.ts";
import { eventsBetween, type LiveEvent } from "./event-queries.ts";

/** The channel migration 0010's trigger announces events on: `<first id> <last id> <user id>`. */
export const EVENTS_CHANNEL = "task_events";

/** At most this many open streams per user in one process, and in all. */
export const STREAMS_PER_USER = 5;
export const STREAMS_PER_PROCESS = 10_000;

/** Why a stream ends: the client should fetch its lists again, or reconnect (elsewhere). */
export type StreamEnd = "resync" | "shutdown";

/** One open stream, as the hub sees it (routes/events/stream-events.ts makes them). */
export type EventStream = {
  userId: string;
  /** Queues the event; false when the stream was too far behind and has been dropped. */
  send(event: LiveEvent): boolean;
  /** Tells the client to refetch its lists (events may have been missed); the stream stays. */
  resync(): void;
  /** Ends the stream with a last word. */
  end(why: StreamEnd): void;
};

export type EventHub = {
  /** Registers a stream, or says which limit refused it. */
  add(stream: EventStream): Promise<"added" | "user-full" | "process-full">;
  remove(stream: EventStream): void;
  /** Ends every stream (the process is stopping) and stops listening. */
  close(): Promise<void>;
  /** Open streams in this process. */
  size(): number;
  /** How often each stream sends a comment to keep proxies from closing it. */
  heartbeatMs: number;
  /** How far behind (events queued) a stream may fall before it is dropped. */
  maxQueued: number;
};

/** A stream further behind than this many events is dropped, not buffered without limit. */
export const MAX_QUEUED_EVENTS = 1000;

/** A comment line this often keeps proxies from closing a quiet stream. */
export const HEARTBEAT_MS = 25_000;

/**
 * The process's live events: every API replica listens on the tasks database's `task_events`
 * channel and, for each announcement of a user it has streams for, reads that user's new events
 * (owner-scoped) once and hands them to each of the user's streams. Announcements are handled one
 * after the other, in the order Postgres delivers them (commit order). Listening starts with the
 * first stream. After the listening connection was lost and re-established, every stream is told
 * to resync.
 */
export function createEventHub(
  database: Database,
  logger: Logger,
  {
    heartbeatMs = HEARTBEAT_MS,
    maxStreams = STREAMS_PER_PROCESS,
    maxQueued = MAX_QUEUED_EVENTS,
  }: {
    heartbeatMs?: number | undefined;
    maxStreams?: number | undefined;
    maxQueued?: number | undefined;
  } = {},
): EventHub {
  const streams = new Map<string, Set<EventStream>>();
  let count = 0;
  let listening: Promise<Listening> | undefined;
  let queue = Promise.resolve();

  const everyStream = () => [...streams.values()].flatMap((set) => [...set]);

  async function dispatch(payload: string) {
    const [first, last, ...user] = payload.split(" ");
    const userId = user.join(" ");
    const mine = streams.get(userId);
    if (mine === undefined || mine.size === 0) return;
    const events = await eventsBetween(database.db, {
      userId,
      first: Number(first),
      last: Number(last),
    });
    for (const stream of mine) for (const event of events) if (!stream.send(event)) break;
  }

  function onPayload(payload: string) {
    queue = queue
      .then(() => dispatch(payload))
      .catch((error: unknown) => {
        logger.warn({ reason: (error as Error).message }, "live events could not be read");
        for (const stream of everyStream()) stream.resync();
      });
  }

  function listen() {
    listening ??= database.listen(EVENTS_CHANNEL, onPayload, () => {
      for (const stream of everyStream()) stream.resync();
    });
    return listening;
  }

  return {
    async add(stream) {
      const mine = streams.get(stream.userId) ?? new Set();
      if (mine.size >= STREAMS_PER_USER) return "user-full";
      if (count >= maxStreams) return "process-full";
      mine.add(stream);
      streams.set(stream.userId, mine);
      count += 1;
      try {
        await listen();
      } catch (error) {
        listening = undefined;
        this.remove(stream);
        throw error;
      }
      return "added";
    },
    remove(stream) {
      const mine = streams.get(stream.userId);
      if (mine?.delete(stream)) count -= 1;
      if (mine?.size === 0) streams.delete(stream.userId);
    },
    async close() {
      for (const stream of everyStream()) stream.end("shutdown");
      const open = listening;
      listening = undefined;
      await (await open)?.close();
    },
    size: () => count,
    heartbeatMs,
    maxQueued,
  };
}
