import type { Database, Listening } from "../db/client.ts";
import type { Logger } from "../lib/logger.ts";
import {
  announceUsers,
  eventsSince,
  type LiveEvent,
  lastEventId,
  recentEventUsers,
} from "./event-queries.ts";

/** The channel a writer announces changed users on (payload: a user id), after committing. */
export const EVENTS_CHANNEL = "task_events";

/** How often a replica looks for events no announcement told it about. */
export const POLL_MS = 1000;

/** How many polls back the safety net looks: a writer may commit this long after its events. */
const POLL_LOOKBACK = 10;

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
  /** After `userId`'s tasks may have changed (a write finished, or failed): tell every replica. */
  announce(userId: string): void;
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
 * The process's live events. Migration 0011's trigger records every change of tasks in
 * `task_events`, each user's in commit order; a writer then announces the user on the tasks
 * database's `task_events` channel (one NOTIFY for the users of many writes), and every replica
 * with streams for that user reads the user's events after the last one it handed them (owner-
 * scoped), once for all of the user's streams. NOTIFY is sent after the write's commit, not inside
 * it: a notifying transaction holds a database-wide lock through its commit, which serialised all
 * writes. A poll each POLL_MS catches what no announcement told (a writer killed after its commit).
 * After the listening connection was lost and re-established, every stream is told to resync.
 */
export function createEventHub(
  database: Database,
  logger: Logger,
  {
    heartbeatMs = HEARTBEAT_MS,
    maxStreams = STREAMS_PER_PROCESS,
    maxQueued = MAX_QUEUED_EVENTS,
    pollMs = POLL_MS,
  }: {
    heartbeatMs?: number | undefined;
    maxStreams?: number | undefined;
    maxQueued?: number | undefined;
    pollMs?: number | undefined;
  } = {},
): EventHub {
  const { db } = database;
  const streams = new Map<string, Set<EventStream>>();
  /** Per user with streams: the id of the last event handed to them. */
  const delivered = new Map<string, number>();
  let count = 0;
  let listening: Promise<Listening> | undefined;
  let poller: NodeJS.Timeout | undefined;

  const everyStream = () => [...streams.values()].flatMap((set) => [...set]);

  const due = new Set<string>();
  let reading: Promise<void> | undefined;

  async function deliver(userId: string) {
    const after = delivered.get(userId);
    if (after === undefined) return;
    const { events, last } = await eventsSince(db, { userId, after });
    if (delivered.get(userId) !== after) return; // the user's streams went and came back meanwhile
    delivered.set(userId, last);
    for (const stream of streams.get(userId) ?? []) {
      if (events === "resync") stream.resync();
      else for (const event of events) if (!stream.send(event)) break;
    }
  }

  async function readDue() {
    while (due.size > 0) {
      const users = [...due];
      due.clear();
      for (const userId of users) {
        await deliver(userId).catch((error: unknown) => {
          logger.warn({ reason: (error as Error).message }, "live events could not be read");
          for (const stream of streams.get(userId) ?? []) stream.resync();
        });
      }
    }
    reading = undefined;
  }

  /** The user's events are read once whatever is already reading, however often they changed. */
  function wake(userId: string) {
    if (!delivered.has(userId)) return;
    due.add(userId);
    reading ??= readDue();
  }

  const announced = new Set<string>();
  let announcing: Promise<void> | undefined;

  async function announceAll() {
    while (announced.size > 0) {
      const userIds = [...announced];
      announced.clear();
      await announceUsers(db, { channel: EVENTS_CHANNEL, userIds }).catch((error: unknown) => {
        logger.warn({ reason: (error as Error).message }, "changes could not be announced");
      });
    }
    announcing = undefined;
  }

  const marks: number[] = [];
  async function poll() {
    if (delivered.size === 0) {
      marks.length = 0;
      return;
    }
    const newest = await lastEventId(db, {});
    const after = marks[0] ?? Math.min(newest, ...delivered.values());
    marks.push(newest);
    if (marks.length > POLL_LOOKBACK) marks.shift();
    for (const { userId, last } of await recentEventUsers(db, { after })) {
      if (last > (delivered.get(userId) ?? Number.POSITIVE_INFINITY)) wake(userId);
    }
  }

  function listen() {
    listening ??= database.listen(EVENTS_CHANNEL, wake, () => {
      for (const stream of everyStream()) stream.resync();
    });
    poller ??= setInterval(() => {
      poll().catch((error: unknown) => {
        logger.warn({ reason: (error as Error).message }, "live events could not be polled");
      });
    }, pollMs).unref();
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
        await listen().catch((error: unknown) => {
          listening = undefined;
          throw error;
        });
        if (!delivered.has(stream.userId)) {
          const last = await lastEventId(db, { userId: stream.userId });
          if (streams.has(stream.userId) && !delivered.has(stream.userId)) {
            delivered.set(stream.userId, last);
          }
        }
      } catch (error) {
        this.remove(stream);
        throw error;
      }
      return "added";
    },
    remove(stream) {
      const mine = streams.get(stream.userId);
      if (mine?.delete(stream)) count -= 1;
      if (mine?.size === 0) {
        streams.delete(stream.userId);
        delivered.delete(stream.userId);
      }
    },
    announce(userId) {
      announced.add(userId);
      announcing ??= announceAll();
    },
    async close() {
      for (const stream of everyStream()) stream.end("shutdown");
      clearInterval(poller);
      poller = undefined;
      await Promise.all([announcing, reading]);
      const open = listening;
      listening = undefined;
      await (await open)?.close();
    },
    size: () => count,
    heartbeatMs,
    maxQueued,
  };
}
