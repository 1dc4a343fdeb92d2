import { createECDH, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { decrypt } from "http_ece";
import { importJWK, jwtVerify } from "jose";

/** A push as the receiver took it: the decrypted message and the VAPID token's claims. */
export type ReceivedPush = {
  path: string;
  message: unknown;
  vapid: { aud: unknown; sub: unknown };
};

/**
 * A push service of our own on loopback, for one browser's keys: it takes Web Push requests,
 * checks their VAPID token against `vapidPublicKey` (RFC 8292), decrypts them with the browser's
 * private key and auth secret (RFC 8291, aes128gcm) and keeps what they said. It answers
 * `status` (201 by default) to each.
 */
export class PushReceiver {
  readonly #ecdh = createECDH("prime256v1");
  readonly #auth = randomBytes(16);
  readonly #server: Server;
  readonly received: ReceivedPush[] = [];
  readonly failures: string[] = [];
  status = 201;
  #waiters: (() => void)[] = [];
  readonly vapidPublicKey: string;

  constructor(vapidPublicKey: string) {
    this.vapidPublicKey = vapidPublicKey;
    this.#ecdh.generateKeys();
    this.#server = createServer((request, response) => {
      this.#take(request).then(
        () => response.writeHead(this.status).end(),
        (error: unknown) => {
          this.failures.push(String(error));
          response.writeHead(400).end();
        },
      );
    });
  }

  async start() {
    await new Promise<void>((done) => this.#server.listen(0, "127.0.0.1", done));
    return this;
  }

  get url() {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** A browser's PushSubscription JSON with this receiver's keys, at `path`. */
  subscription(path = `/push/${randomBytes(6).toString("hex")}`) {
    return {
      endpoint: `${this.url}${path}`,
      expirationTime: null,
      keys: {
        p256dh: this.#ecdh.getPublicKey().toString("base64url"),
        auth: this.#auth.toString("base64url"),
      },
    };
  }

  /** Resolves once `count` pushes have arrived in all (rejects after `timeoutMs`). */
  async waitFor(count: number, timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline)
        throw new Error(`${this.received.length} of ${count} pushes arrived`);
      await new Promise<void>((wake) => {
        this.#waiters.push(wake);
        setTimeout(wake, 100);
      });
    }
    return this.received;
  }

  async #take(request: IncomingMessage) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const token = /^vapid t=([^,]+), k=(.+)$/.exec(request.headers.authorization ?? "");
    if (token?.[1] === undefined || token[2] !== this.vapidPublicKey) {
      throw new Error("no VAPID token for our key");
    }
    const point = Buffer.from(this.vapidPublicKey, "base64url");
    const key = await importJWK(
      {
        kty: "EC",
        crv: "P-256",
        x: point.subarray(1, 33).toString("base64url"),
        y: point.subarray(33).toString("base64url"),
      },
      "ES256",
    );
    const { payload } = await jwtVerify(token[1], key, { algorithms: ["ES256"] });
    if (request.headers["content-encoding"] !== "aes128gcm") throw new Error("not aes128gcm");
    const plain = decrypt(Buffer.concat(chunks), {
      version: "aes128gcm",
      privateKey: this.#ecdh,
      authSecret: this.#auth.toString("base64url"),
    });
    this.received.push({
      path: request.url ?? "",
      message: JSON.parse(plain.toString("utf8")),
      vapid: { aud: payload.aud, sub: payload.sub },
    });
    for (const wake of this.#waiters.splice(0)) wake();
  }

  async close() {
    this.#server.closeAllConnections();
    await new Promise((done) => this.#server.close(done));
  }
}
