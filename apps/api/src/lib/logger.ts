import { type DestinationStream, type Logger, pino } from "pino";
import type { LogLevel } from "../env.ts";

export type { Logger };

/**
 * JSON logs on stdout (or the given stream). Request handlers log through a child carrying the
 * request id. Tokens and secrets are never passed to the logger; the redaction below is a
 * second line of defence should a header object ever be logged.
 *
 * Stdout is written asynchronously: a request never waits for the pipe or terminal behind it,
 * and the lines logged while one write is in flight go out together in the next. Lines still
 * buffered are written synchronously when the process exits (pino hooks `exit`).
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: "api" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ["authorization", "*.authorization", "headers.authorization", "token", "*.token"],
      censor: "[redacted]",
    },
  };
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}

/**
 * A request's logger: every line carries the request id. Its pino child is made on first use
 * only, since most requests log nothing but their access line (written by the request logger
 * with the id in its fields): a child per request was a measurable share of a request's CPU.
 */
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
