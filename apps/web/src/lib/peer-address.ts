import { randomBytes, timingSafeEqual } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

/**
 * Next.js gives a route handler no way to the TCP peer's address, and it fills X-Forwarded-For
 * from the socket only when the client sent none. So the address is taken where Node's HTTP
 * server announces each request (the `http.server.request.start` diagnostics channel, before
 * Next.js sees it) and carried in this header, prefixed with a random token of this process: a
 * copy sent by a client is overwritten, and one that arrived before the watch began lacks the
 * token and is ignored.
 */
export const PEER_HEADER = "x-taskline-peer";

type PeerWatch = { token: string; watching: boolean };

// On globalThis: the instrumentation hook and the route handlers are separate bundles.
const slot = globalThis as typeof globalThis & { __taskline_peer?: PeerWatch };

function peerWatch(): PeerWatch {
  slot.__taskline_peer ??= { token: randomBytes(18).toString("base64url"), watching: false };
  return slot.__taskline_peer;
}

type RequestStart = { request: IncomingMessage; socket: Socket };

/** Stamps every request this process serves with its peer's address (once per process). */
export function watchPeerAddresses(): void {
  const watch = peerWatch();
  if (watch.watching) return;
  watch.watching = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as RequestStart;
    request.headers[PEER_HEADER] = `${watch.token} ${socket.remoteAddress ?? ""}`;
  });
}

/** The peer's address as stamped by watchPeerAddresses; undefined for a missing or forged stamp. */
export function peerAddressOf(headers: Headers): string | undefined {
  const [token = "", address = ""] = (headers.get(PEER_HEADER) ?? "").split(" ");
  const expected = Buffer.from(peerWatch().token);
  const given = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return address === "" ? undefined : address;
}
