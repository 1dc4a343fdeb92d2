import { type DestinationStream, type Logger, pino } from "pino";
import type { LogLevel } from "../env.ts";
import { LogDestination } from "./log-destination.ts";

export type { Logger };

/** Keys whose values never reach a log line, at the top level or one level down. */
const SECRET_KEYS = new Set(["authorization", "token", "password", "cookie"]);
const CENSORED = "[redacted]";

/**
 * Replaces secret-named values (see SECRET_KEYS) in a log line's fields. Tokens and secrets are
 * never passed to the logger; this is a second line of defence should a header object ever be
 * logged. It reads each field once and copies only when it finds something to hide (pino's
 * path-based `redact` made a fifth of a request's allocations).
 */
export function censorSecrets(fields: Record<string, unknown>): Record<string, unknown> {
  let out = fields;
  for (const key in fields) {
    const value = fields[key];
    let replacement: unknown = value;
    if (SECRET_KEYS.has(key.toLowerCase())) replacement = CENSORED;
    else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      const inner = value as Record<string, unknown>;
      for (const innerKey in inner) {
        if (SECRET_KEYS.has(innerKey.toLowerCase())) {
          replacement = { ...inner };
          for (const k in inner) {
            if (SECRET_KEYS.has(k.toLowerCase()))
              (replacement as Record<string, unknown>)[k] = CENSORED;
          }
          break;
        }
      }
    }
    if (replacement !== value) {
      if (out === fields) out = { ...fields };
      out[key] = replacement;
    }
  }
  return out;
}

/** Error fields that say what failed (query text, constraint, …), never with which values. */
const ERROR_FIELDS = [
  "code",
  "severity",
  "routine",
  "schema",
  "table",
  "column",
  "constraint",
  "dataType",
  "query",
] as const;
/** postgres.js names some of them apart: logged under the names above. */
const DRIVER_NAMES: Partial<Record<(typeof ERROR_FIELDS)[number], string>> = {
  schema: "schema_name",
  table: "table_name",
  column: "column_name",
  constraint: "constraint_name",
  dataType: "data_type_name",
};
/** Drizzle appends the query's parameters (users' titles…) to its message: `\nparams: …`. */
const PARAMS_TAIL = /\nparams:[\s\S]*$/;
/** Postgres quotes an offending input after a colon: `invalid input syntax for type uuid: "…"`. */
const QUOTED_INPUT = /: "(?:[^"]|"")*"/g;

/**
 * The `err` of a log line: type, message, the fields above and the stack's frames, for the error
 * and its causes. The rest is left out, because drivers attach the values of the failed query to
 * it: Drizzle's `params` (also in its message), postgres.js's `parameters`, PGlite's `params`,
 * and Postgres' `detail` ("Failing row contains (…)") or `where`.
 */
export function errorForLog(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const message = error.message.replace(PARAMS_TAIL, "").replace(QUOTED_INPUT, ': "[redacted]"');
  const fields: Record<string, unknown> = { type: error.name, message };
  const source = error as unknown as Record<string, unknown>;
  for (const name of ERROR_FIELDS) {
    const driverName = DRIVER_NAMES[name];
    const value = source[name] ?? (driverName === undefined ? undefined : source[driverName]);
    if (typeof value === "string" || typeof value === "number") fields[name] = value;
  }
  // The stack starts with the original message: keep what follows it (the frames), if found.
  const stack = error.stack ?? "";
  const end =
    error.message === ""
      ? stack.indexOf("\n")
      : stack.indexOf(error.message) + error.message.length;
  const frames = end < error.message.length ? "" : stack.slice(end);
  fields.stack = `${error.name}: ${message}${frames}`;
  if (error.cause !== undefined && depth < 4) fields.cause = errorForLog(error.cause, depth + 1);
  return fields;
}

/**
 * JSON logs on stdout (or the given stream). Request handlers log through a logger carrying the
 * request id; secret-named fields are censored (censorSecrets).
 *
 * Stdout is written asynchronously and in blocks (LogDestination): a request never waits for the
 * pipe or terminal behind it, and a busy process makes one write per 8 KB of lines instead of one
 * per line or two (each write is a system call handed to libuv's thread pool: 8 % of a worker's
 * CPU in the list benchmark). A quiet process's lines are out within a second. Lines still
 * buffered are written synchronously when the process exits; a SIGKILL loses them. A reader that
 * falls more than 4 MB behind loses lines, and a warning says how many once it has caught up.
 */
const STDOUT = { fd: 1, blockBytes: 8192, flushMs: 1000, maxPendingBytes: 4 * 1024 * 1024 };

let stampedAt = Number.NaN;
let stamp = "";

/**
 * pino's `isoTime` (`,"time":"2026-01-31T09:30:00.000Z"`), formatted once per millisecond: a
 * busy process writes several lines within one, and formatting a Date was 40 % of a line's cost.
 */
export function isoTimeField(): string {
  const now = Date.now();
  if (now !== stampedAt) {
    stampedAt = now;
    stamp = `,"time":"${new Date(now).toISOString()}"`;
  }
  return stamp;
}

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: "api" },
    timestamp: isoTimeField,
    formatters: { log: censorSecrets },
    serializers: { err: errorForLog },
  };
  if (destination) return pino(options, destination);
  const stdout = new LogDestination({
    ...STDOUT,
    onDropped: (lines) => logger.warn({ lines }, "log output fell behind: lines were dropped"),
  });
  process.once("exit", () => stdout.flushSync());
  const logger = pino(options, stdout);
  return logger;
}

export class RequestLog {
  readonly #logger: Logger;
  readonly #reqId: string;
  #child: Logger | undefined;

  constructor(logger: Logger, reqId: string) {
    this.#logger = logger;
    this.#reqId = reqId;
  }

  #get(): Logger {
    this.#child ??= this.#logger.child({ reqId: this.#reqId });
    return this.#child;
  }

  info(fields: Record<string, unknown>, message: string): void {
    this.#get().info(fields, message);
  }

  warn(fields: Record<string, unknown>, message: string): void {
    this.#get().warn(fields, message);
  }

  error(fields: Record<string, unknown>, message: string): void {
    this.#get().error(fields, message);
  }
}
