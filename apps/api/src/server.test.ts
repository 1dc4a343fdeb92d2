import { connect } from "node:net";
import { describe, expect, test } from "vitest";
import { setupTestApi } from "../test/harness.ts";

const api = setupTestApi();

/** Sends these bytes on a fresh connection; resolves with all the server wrote before closing. */
function raw(request: string): Promise<string> {
  const { hostname, port } = new URL(api.app.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    let answer = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      answer += chunk;
    });
    socket.on("close", () => resolve(answer));
    socket.on("error", (error: NodeJS.ErrnoException) =>
      // The server closes a connection it has answered while bytes may still be unread.
      error.code === "ECONNRESET" ? resolve(answer) : reject(error),
    );
  });
}

const answerOf = (status: string, detail: string) => {
  const body = JSON.stringify({ detail });
  return `HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`;
};

describe("requests Node cannot parse get a JSON detail too", () => {
  test.each([
    ["an unknown method", "FOO / HTTP/1.1\r\nHost: x\r\n\r\n"],
    ["a lowercase method", "patch /api/tasks HTTP/1.1\r\nHost: x\r\n\r\n"],
    ["a header line without a colon", "GET /health HTTP/1.1\r\nHost: x\r\nBroken\r\n\r\n"],
    ["not HTTP at all", "\u0016\u0003\u0001 hello\r\n\r\n"],
  ])("%s: 400", async (_, request) => {
    expect(await raw(request)).toBe(answerOf("400 Bad Request", "Bad Request"));
  });

  test("headers over Node's 16 KiB: 431", async () => {
    const request = `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`;
    expect(await raw(request)).toBe(
      answerOf("431 Request Header Fields Too Large", "Request Header Fields Too Large"),
    );
  });

  test("the server still answers afterwards", async () => {
    await raw("FOO / HTTP/1.1\r\nHost: x\r\n\r\n");
    expect((await api.anonymous.get("/health")).status).toBe(200);
  });
});
