import { describe, expect, test } from "vitest";
import { setupTestApi, validationBody } from "../../../test/harness.ts";

const api = setupTestApi();

const STATUS_ISSUE = {
  loc: ["query", "status"],
  msg: "Input should be 'all', 'pending' or 'completed'",
  type: "enum",
};

const INVALID_CURSOR = "Invalid cursor: use the one from the previous page's Link header";

describe("GET /api/tasks with bad query parameters: 422", () => {
  test.each([
    ["0", "greater_than_equal", "Input should be greater than or equal to 1"],
    ["201", "less_than_equal", "Input should be less than or equal to 200"],
    ["-5", "greater_than_equal", "Input should be greater than or equal to 1"],
    ["abc", "int_parsing", "Input should be a valid integer"],
    ["5.5", "int_parsing", "Input should be a valid integer"],
  ])("limit=%s", async (limit, type, msg) => {
    const alice = await api.user("alice");
    const response = await alice.get(`/api/tasks?limit=${limit}`);
    expect(response.status).toBe(422);
    expect(response.body).toEqual(validationBody({ loc: ["query", "limit"], msg, type }));
  });

  test("an unknown status", async () => {
    const alice = await api.user("alice");
    const response = await alice.get("/api/tasks?status=done");
    expect(response.status).toBe(422);
    expect(response.body).toEqual(validationBody(STATUS_ISSUE));
  });

  test.each([
    ["not base64url", "not-a-cursor!"],
    ["base64url of non-JSON", Buffer.from("hello").toString("base64url")],
    ["JSON without the fields", Buffer.from('{"x":1}').toString("base64url")],
    [
      "a bad date",
      Buffer.from('{"t":"yesterday","i":"5d3e1c2b-0a9f-4e8d-b7c6-a5f4e3d2c1b0"}').toString(
        "base64url",
      ),
    ],
    ["a bad id", Buffer.from('{"t":"2026-11-23T09:30:00.000Z","i":"x"}').toString("base64url")],
    ["an empty value", ""],
    [
      "a date outside the database's range",
      Buffer.from(
        '{"t":"-271821-04-20T00:00:00.000Z","i":"5d3e1c2b-0a9f-4e8d-b7c6-a5f4e3d2c1b0"}',
      ).toString("base64url"),
    ],
    [
      "a date in year 0000 (no such year in the database)",
      Buffer.from(
        '{"t":"0000-01-01T00:00:00.000Z","i":"5d3e1c2b-0a9f-4e8d-b7c6-a5f4e3d2c1b0"}',
      ).toString("base64url"),
    ],
  ])("a cursor that is %s", async (_, cursor) => {
    const alice = await api.user("alice");
    const response = await alice.get(`/api/tasks?cursor=${encodeURIComponent(cursor)}`);
    expect(response.status).toBe(422);
    expect(response.body).toEqual(
      validationBody({ loc: ["query", "cursor"], msg: INVALID_CURSOR, type: "value_error" }),
    );
  });

  test("several bad parameters are all reported", async () => {
    const alice = await api.user("alice");
    const response = await alice.get("/api/tasks?limit=0&status=nope");
    expect(response.status).toBe(422);
    expect(response.body).toEqual(
      validationBody(
        {
          loc: ["query", "limit"],
          msg: "Input should be greater than or equal to 1",
          type: "greater_than_equal",
        },
        STATUS_ISSUE,
      ),
    );
  });

  test("a repeated parameter", async () => {
    const alice = await api.user("alice");
    const response = await alice.get("/api/tasks?status=all&status=pending");
    expect(response.status).toBe(422);
    expect(response.body).toEqual(validationBody(STATUS_ISSUE));
  });
});
