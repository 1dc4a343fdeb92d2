import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { serve } from "@hono/node-server";
import type { App } from "./lib/context.ts";

/** What Node answers itself, for requests it cannot parse (unknown method, huge headers…). */
const UNPARSABLE: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, "Request Header Fields Too Large"],
  ERR_HTTP_REQUEST_TIMEOUT: [408, "Request Timeout"],
};

/**
 * Node's own answer to a request it cannot parse, as the API answers: a JSON `detail` and
 * nosniff (Node's default has neither). Written only while no response is under way on the
 * connection, as Node does, then the connection is closed.
 */
function answerUnparsable(error: Error & { code?: string }, socket: Duplex) {
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code !== "ECONNRESET" && socket.writable && inFlight?.headersSent !== true) {
    const [status, reason] = UNPARSABLE[error.code ?? ""] ?? [400, "Bad Request"];
    const body = JSON.stringify({ detail: reason });
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

export type RunningServer = {
  /** e.g. http://127.0.0.1:8000 */
  url: string;
  port: number;
  /** Stops accepting connections, lets in-flight requests finish (up to `graceMs`), then closes. */
  close(graceMs?: number): Promise<void>;
};

/** Serves the app over HTTP on Node; resolves once listening. Port 0 picks a free port. */
export function listen(app: App, port: number, hostname?: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info: AddressInfo) => {
      const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host === "[::]" || host === "0.0.0.0" ? "localhost" : host}:${info.port}`,
        port: info.port,
        close: (graceMs = 10_000) =>
          new Promise<void>((done) => {
            if (!("closeIdleConnections" in server)) {
              server.close(() => done());
              return;
            }
            const force = setTimeout(() => server.closeAllConnections(), graceMs);
            force.unref();
            server.close(() => {
              clearTimeout(force);
              done();
            });
            server.closeIdleConnections();
          }),
      });
    });
    server.on("clientError", answerUnparsable);
    server.once("error", reject);
  });
}
