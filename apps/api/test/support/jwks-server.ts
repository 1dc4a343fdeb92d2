import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createSigningKey, type SigningKey } from "./tokens.ts";

export type JwksState = "up" | "error" | "unreachable";

/** The web app's `/api/auth/jwks`, on a real local port: keys can be added, removed, taken down. */
export class JwksServer {
  readonly keys: SigningKey[] = [];
  state: JwksState = "up";
  /** How many requests reached the server, and when (Date.now()). */
  hits = 0;
  readonly hitTimes: number[] = [];
  #server: Server | undefined;
  #url = "";

  get url() {
    return this.#url;
  }

  async start() {
    this.#server = createServer((req, res) => {
      this.hits += 1;
      this.hitTimes.push(Date.now());
      if (this.state === "unreachable") {
        req.socket.destroy();
        return;
      }
      if (this.state === "error" || req.url !== "/api/auth/jwks") {
        res.writeHead(this.state === "error" ? 500 : 404).end();
        return;
      }
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ keys: this.keys.map((k) => k.publicJwk) }));
    });
    await new Promise<void>((resolve) => this.#server?.listen(0, "127.0.0.1", resolve));
    const { port } = this.#server.address() as AddressInfo;
    this.#url = `http://127.0.0.1:${port}/api/auth/jwks`;
  }

  async addKey(alg: "EdDSA" | "ES256" = "EdDSA") {
    const key = await createSigningKey(alg);
    this.keys.push(key);
    return key;
  }

  removeKey(key: SigningKey) {
    this.keys.splice(this.keys.indexOf(key), 1);
  }

  async close() {
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()));
  }
}
