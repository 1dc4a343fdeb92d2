import type { IncomingHttpHeaders } from "node:http";
import type { Task } from "../task-api";
import type { FakeEventStream } from "./fake-event-stream";

/** What the fake task API (fake-task-api.ts) offers tests, and what it records. */

export interface ReceivedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  userId: string | null;
  headers: IncomingHttpHeaders;
  /** What was sent back: a status, "dropped" (connection cut, no answer), or null while pending. */
  status: number | "dropped" | null;
  /** The answer was an idempotent replay (`Idempotent-Replayed: true`). */
  replayed: boolean;
  /** The answer's `ETag`, if it had one. */
  etag: string | null;
  /** When it arrived (ms since the epoch). */
  at: number;
}

export interface Refusal {
  method: string;
  path: RegExp;
  status: number;
  detail: unknown;
  headers: Record<string, string>;
}

export interface Drop {
  method: string;
  path: RegExp;
  processingMs: number;
}

export interface FakeTaskApi {
  url: string;
  received: ReceivedRequest[];
  /** `GET /api/events`: the streams open, and events to send on them. */
  events: FakeEventStream;
  /** Token requests answered (200 or 401). */
  tokensIssued(): number;
  /** `GET /health` requests answered. */
  healthChecks(): number;
  /** A session cookie for this user, to send to `/api/auth/token`. */
  session(userId: string): string;
  endSession(cookie: string): void;
  /**
   * Tasks straight into the store (into the trash with a `deleted_at`); `created_at` decreases
   * with position (first = newest).
   */
  seed(userId: string, tasks: Array<Partial<Task> & { title: string }>): Task[];
  tasksOf(userId: string): Task[];
  /** The user's trash, newest deletion first. */
  trashOf(userId: string): Task[];
  /** Another device changes a task: its `updated_at` (and so its ETag) moves on. */
  changeElsewhere(
    id: string,
    changes: Partial<Pick<Task, "title" | "description" | "is_completed">>,
  ): Task;
  /**
   * The next request matching method and path-with-query gets this status and
   * `{"detail": detail}`, before the idempotency layer sees it (as a rate limit or an unreachable
   * database would). 503 and 429 carry `Retry-After: 1` unless `headers` say otherwise.
   */
  refuseNext(
    method: string,
    path: RegExp,
    status: number,
    detail: unknown,
    headers?: Record<string, string>,
  ): void;
  /**
   * The next matching request loses its connection before any answer arrives, but the API still
   * handles it, `processingMs` later (in flight meanwhile), and keeps its idempotent answer.
   */
  dropNext(method: string, path: RegExp, processingMs?: number): void;
  /** API requests wait until the returned function is called. */
  hold(): () => void;
  /**
   * The API is down until the returned function is called: every request to it (`/health` too,
   * not the web app's token endpoint) loses its connection unanswered and unhandled.
   */
  goDown(): () => void;
  /** Release held requests and forget unused refusals and drops (after each test). */
  reset(): void;
  /** Sign with a new key and trust only it: every token issued so far is now refused. */
  rotateSigningKey(): Promise<void>;
  close(): Promise<void>;
}
