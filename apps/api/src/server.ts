import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { App } from "./lib/context.ts";

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
    server.once("error", reject);
  });
}
