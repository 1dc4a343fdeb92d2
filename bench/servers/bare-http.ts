// The bare-HTTP ceiling: node:http answering every request with one constant JSON body, no
// framework, no auth, no database. Prints its port on stdout once it listens.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const body = JSON.stringify([{ id: "00000000-0000-4000-8000-000000000000", title: "constant" }]);
const headers = { "content-type": "application/json", "content-length": Buffer.byteLength(body) };

const server = createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
server.listen(0, "127.0.0.1", () => {
  console.log((server.address() as AddressInfo).port);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
