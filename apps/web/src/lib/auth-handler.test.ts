import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fromNodeHeaders } from "better-auth/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withClientAddress } from "./auth-handler";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { PEER_HEADER, peerAddressOf, watchPeerAddresses } from "./peer-address";

/**
 * A real HTTP server, its requests stamped as instrumentation.ts has them stamped, answering with
 * what withClientAddress hands Better Auth: the client address header and any peer stamp left.
 */
let server: Server;
let url: string;

beforeAll(async () => {
  watchPeerAddresses();
  server = createServer((req, res) => {
    const request = new Request(`http://localhost${req.url}`, {
      headers: fromNodeHeaders(req.headers),
    });
    const trusted = req.url === "/behind-proxy" ? ["127.0.0.1/32"] : [];
    void withClientAddress(request, { TRUSTED_PROXIES: trusted }).then(
      (handed) => {
        res.setHeader("content-type", "application/json");
        res.end(
          JSON.stringify({
            stampedPeer: peerAddressOf(request.headers) ?? null,
            client: handed.headers.get(CLIENT_ADDRESS_HEADER),
            peerStampPassedOn: handed.headers.has(PEER_HEADER),
          }),
        );
      },
      (error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const call = async (path: string, headers: Record<string, string> = {}) =>
  (await fetch(`${url}${path}`, { headers })).json();

describe("the client address handed to Better Auth", () => {
  it("is the connection's peer, stamped before the app sees the request", async () => {
    expect(await call("/", { "x-forwarded-for": "198.51.100.1" })).toEqual({
      stampedPeer: "127.0.0.1",
      client: "127.0.0.1",
      peerStampPassedOn: false,
    });
  });

  it("replaces the app's own headers when a client sends them", async () => {
    const forged = {
      [PEER_HEADER]: "guessed-token 192.0.2.1",
      [CLIENT_ADDRESS_HEADER]: "192.0.2.2",
    };
    expect(await call("/", forged)).toEqual({
      stampedPeer: "127.0.0.1",
      client: "127.0.0.1",
      peerStampPassedOn: false,
    });
  });

  it("behind a trusted proxy, is the address the proxy forwarded", async () => {
    expect(await call("/behind-proxy", { "x-forwarded-for": "198.51.100.1, 203.0.113.7" })).toEqual(
      {
        stampedPeer: "127.0.0.1",
        client: "203.0.113.7",
        peerStampPassedOn: false,
      },
    );
  });

  it("is absent when the request carries no genuine stamp (so Better Auth uses one shared bucket)", async () => {
    const request = new Request("http://localhost/", {
      headers: {
        [PEER_HEADER]: "forged-token 192.0.2.1",
        [CLIENT_ADDRESS_HEADER]: "192.0.2.2",
        "x-forwarded-for": "192.0.2.3",
      },
    });
    const handed = await withClientAddress(request, { TRUSTED_PROXIES: [] });

    expect(peerAddressOf(request.headers)).toBeUndefined();
    expect([...handed.headers.keys()]).toEqual(["x-forwarded-for"]);
  });

  it("keeps the request's URL, method and body", async () => {
    const request = new Request("http://localhost/api/auth/sign-in/email?x=1", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "ada@example.com" }),
    });
    const handed = await withClientAddress(request, { TRUSTED_PROXIES: [] });

    expect(handed.url).toBe("http://localhost/api/auth/sign-in/email?x=1");
    expect(handed.method).toBe("POST");
    expect(await handed.json()).toEqual({ email: "ada@example.com" });
  });
});
