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
