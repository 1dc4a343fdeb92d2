import { once } from "node:events";
import { connect } from "node:net";
import { describe, expect, test, vi } from "vitest";
import {
  JSON_INVALID,
  NOT_JSON,
  outcome,
  setupTestApi,
  TOO_LARGE,
  validationBody,
} from "../../../test/harness.ts";

const api = setupTestApi();

/** After any refused POST, the caller still has no task. */
async function expectNoTasks(user: Awaited<ReturnType<typeof api.user>>) {
  const list = await user.get("/api/tasks");
  expect(list.headers.get("x-total-count")).toBe("0");
}

describe("POST /api/tasks with a bad body: 422, nothing stored", () => {
  test.each([
    [
      "no title",
      { description: "x" },
      { loc: ["body", "title"], msg: "Field required", type: "missing" },
    ],
    [
      "an empty title",
      { title: "" },
      {
        loc: ["body", "title"],
        msg: "String should have at least 1 character",
        type: "string_too_short",
      },
    ],
    [
      "a blank title",
      { title: " \t\n " },
      {
        loc: ["body", "title"],
        msg: "String should have at least 1 character",
        type: "string_too_short",
      },
    ],
    [
      "a 256-character title",
      { title: "x".repeat(256) },
      {
        loc: ["body", "title"],
        msg: "String should have at most 255 characters",
        type: "string_too_long",
      },
    ],
    [
      "a title that is not a string",
      { title: 42 },
      { loc: ["body", "title"], msg: "Input should be a valid string", type: "string_type" },
    ],
    [
      "a null title",
      { title: null },
      { loc: ["body", "title"], msg: "Input should be a valid string", type: "string_type" },
    ],
    [
      "a 10,001-character description",
      { title: "ok", description: "d".repeat(10_001) },
      {
        loc: ["body", "description"],
        msg: "String should have at most 10000 characters",
        type: "string_too_long",
      },
    ],
    [
      "a description that is not a string",
      { title: "ok", description: ["a"] },
      { loc: ["body", "description"], msg: "Input should be a valid string", type: "string_type" },
    ],
    [
      "a NUL character in the title",
      { title: "a\u0000b" },
      {
        loc: ["body", "title"],
        msg: "String should not contain NUL characters or unpaired surrogates",
        type: "string_unicode",
      },
    ],
    [
      "a JSON array",
      [{ title: "x" }],
      {
        loc: ["body"],
        msg: "Input should be a valid dictionary or object to extract fields from",
        type: "model_attributes_type",
      },
    ],
    [
      "JSON null",
      null,
      {
        loc: ["body"],
        msg: "Input should be a valid dictionary or object to extract fields from",
        type: "model_attributes_type",
      },
    ],
  ])("%s", async (_, body, issue) => {
    const alice = await api.user("alice");
    const response = await alice.post("/api/tasks", body);
    expect(response.status).toBe(422);
    expect(response.body).toEqual(validationBody(issue));
    await expectNoTasks(alice);
  });

  test("an unpaired surrogate in the description", async () => {
    const alice = await api.user("alice");
    const response = await alice.send(
      "POST",
      "/api/tasks",
      '{"title": "ok", "description": "broken \\ud800 text"}',
    );
    expect(response.status).toBe(422);
    expect(response.body).toEqual(
      validationBody({
        loc: ["body", "description"],
        msg: "String should not contain NUL characters or unpaired surrogates",
        type: "string_unicode",
      }),
    );
    await expectNoTasks(alice);
  });

  test("every problem is reported at once", async () => {
    const alice = await api.user("alice");
    const response = await alice.post("/api/tasks", { title: "", description: 7 });
    expect(response.status).toBe(422);
    expect(response.body).toEqual(
      validationBody(
        {
          loc: ["body", "title"],
          msg: "String should have at least 1 character",
          type: "string_too_short",
        },
        {
          loc: ["body", "description"],
          msg: "Input should be a valid string",
          type: "string_type",
        },
      ),
    );
  });

  test("malformed JSON", async () => {
    const alice = await api.user("alice");
    const response = await alice.send("POST", "/api/tasks", '{"title": "unterminated');
    expect(outcome(response)).toEqual(JSON_INVALID);
    await expectNoTasks(alice);
  });

  test("an empty JSON body", async () => {
    const alice = await api.user("alice");
    const response = await alice.send("POST", "/api/tasks", "");
    expect(response.status).toBe(422);
    expect(response.body).toEqual(
      validationBody({ loc: ["body", "title"], msg: "Field required", type: "missing" }),
    );
  });

  test("no body at all", async () => {
    const alice = await api.user("alice");
    const response = await alice.fetch("/api/tasks", { method: "POST" });
    expect(response.status).toBe(422);
    expect(response.body).toEqual(
      validationBody({ loc: ["body", "title"], msg: "Field required", type: "missing" }),
    );
  });
});

describe("POST /api/tasks with a body that is not JSON, or too large", () => {
  test("a form-encoded body: 415", async () => {
    const alice = await api.user("alice");
    const response = await alice.fetch("/api/tasks", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "title=hello",
    });
    expect(outcome(response)).toEqual(NOT_JSON);
    await expectNoTasks(alice);
  });

  test("a body over 64 KiB (with Content-Length): 413", async () => {
    const alice = await api.user("alice");
    const body = JSON.stringify({ title: "big", description: "x".repeat(64 * 1024) });
    const response = await alice.fetch("/api/tasks", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(outcome(response)).toEqual(TOO_LARGE);
    await expectNoTasks(alice);
  });

  test("a streamed body over 64 KiB (chunked, no Content-Length): 413", async () => {
    const alice = await api.user("alice");
    const chunk = new TextEncoder().encode(" ".repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"title":"big"'));
        if (sent >= 5) controller.close();
        else controller.enqueue(chunk);
        sent += 1;
      },
    });
    const response = await alice.fetch("/api/tasks", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(outcome(response)).toEqual(TOO_LARGE);
    await expectNoTasks(alice);
  });

  test("a body cut short by a closed connection is a 400 in the log, stores nothing; the API goes on serving", async () => {
    const alice = await api.user("alice");
    const logsBefore = api.app.logs.length;
    const { hostname, port } = new URL(api.app.url);
    const socket = connect(Number(port), hostname);
    await once(socket, "connect");
    socket.write(
      [
        "POST /api/tasks HTTP/1.1",
        `Host: ${hostname}`,
        `Authorization: Bearer ${await api.tokenFor(alice.id)}`,
        "Content-Type: application/json",
        "Content-Length: 100",
        "",
        '{"title":"cut sh',
      ].join("\r\n"),
    );
    socket.destroy();
    await once(socket, "close");
    const posts = () =>
      api.app.logs
        .slice(logsBefore)
        .map((line) => JSON.parse(line) as { msg: string; method?: string; status?: number })
        .filter((line) => line.msg === "request" && line.method === "POST");
    await vi.waitFor(() => expect(posts().map((line) => line.status)).toEqual([400]));
    expect(api.app.logs.slice(logsBefore).join("\n")).not.toContain("unhandled error");
    await expectNoTasks(alice);
    const response = await alice.fetch("/api/tasks", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"title":"whole"}',
    });
    expect(response.status).toBe(201);
  });

  test("a body of exactly 64 KiB is accepted", async () => {
    const alice = await api.user("alice");
    const json = '{"title":"padded"}';
    const body = json + " ".repeat(64 * 1024 - json.length);
    expect(Buffer.byteLength(body)).toBe(65_536);
    const response = await alice.fetch("/api/tasks", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(response.status).toBe(201);
  });
});
