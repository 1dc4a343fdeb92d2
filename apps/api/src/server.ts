import { Server as HttpServer } from "node:http";
import { type AddressInfo, Server as NetServer } from "node:net";
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
  /**
   * Stops accepting connections; the open ones are served as before, keep-alive included, until
   * `drain`. In a cluster worker this tells the primary, which closes the port with its last worker.
   */
  stopListening(): void;
  /**
   * Closes idle connections now; a busy one closes after its answer (which says `Connection: close`
   * while the app's lifecycle drains). After `graceMs`, closes every connection still open.
   * Resolves once all are closed, with how many had to be cut.
   */
  drain(graceMs: number): Promise<number>;
  /** stopListening, then drain. */
  close(graceMs?: number): Promise<void>;
};

/** Serves the app over HTTP on Node; resolves once listening. Port 0 picks a free port. */
export function listen(app: App, port: number, hostname?: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info: AddressInfo) => {
      if (!(server instanceof HttpServer)) {
        reject(new Error("expected an HTTP/1.1 server"));
        return;
      }
      const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
      // Emitted once the listener is closed and the last connection with it.
      const closed = new Promise<void>((done) => server.once("close", done));
      let listening = true;
      const stopListening = () => {
        if (!listening) return;
        listening = false;
        // net's close, not http's: http's also closes idle keep-alive connections, whose clients
        // would reconnect while another cluster worker may still be listening.
        NetServer.prototype.close.call(server);
      };
      const drain = async (graceMs: number) => {
        stopListening();
        let cut = 0;
        const force = setTimeout(() => {
          server.getConnections((_, count) => {
            cut = count;
            server.closeAllConnections();
          });
        }, graceMs);
        force.unref();
        // A request already sent on a kept-alive connection may still be unread in the kernel:
        // Node counts that connection as idle, and closing it would reset the request. So wait for
        // the event loop to poll the sockets once more: what was sent until then is being read.
        await new Promise((polled) => setImmediate(() => setImmediate(polled)));
        // The listener is already closed: this closes the idle connections (and stops the
        // header/request timeout checks, which the grace period replaces).
        server.close();
        await closed;
        clearTimeout(force);
        return cut;
      };
      resolve({
        url: `http://${host === "[::]" || host === "0.0.0.0" ? "localhost" : host}:${info.port}`,
        port: info.port,
        stopListening,
        drain,
        close: async (graceMs = 10_000) => {
          await drain(graceMs);
        },
      });
    });
    server.on("clientError", answerUnparsable);
    server.once("error", reject);
  });
}
