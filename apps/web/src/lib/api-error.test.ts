import { describe, expect, it } from "vitest";
import {
  ApiError,
  apiErrorFrom,
  asSentence,
  describeError,
  describeErrorBody,
  isRetryable,
  retryAfterMs,
} from "./api-error";
import { SessionEndedError } from "./api-token";

describe("describeErrorBody", () => {
  it("uses a string detail as it is", () => {
    expect(describeErrorBody(403, { detail: "Not allowed to access this task" })).toBe(
      "Not allowed to access this task",
    );
  });

  it("names the field of each validation issue", () => {
    const body = {
      detail: [
        {
          loc: ["body", "title"],
          msg: "String should have at most 255 characters",
          type: "string_too_long",
        },
        {
          loc: ["query", "status"],
          msg: "Input should be 'all', 'pending' or 'completed'",
          type: "enum",
        },
      ],
    };
    expect(describeErrorBody(422, body)).toBe(
      "title: String should have at most 255 characters; status: Input should be 'all', 'pending' or 'completed'",
    );
  });

  it("falls back to words for the status when there is no detail", () => {
    expect(describeErrorBody(404, "")).toBe("This task no longer exists.");
    expect(describeErrorBody(413, undefined)).toBe("That is too long to save.");
    expect(describeErrorBody(502, "<html>Bad gateway</html>")).toBe(
      "The task service had a problem. Please try again.",
    );
  });
});

describe("describeError", () => {
  it("says what to do for a network failure, an API refusal and an ended session", () => {
    expect(describeError(new TypeError("fetch failed"))).toBe(
      "Couldn't reach the task service. Check your connection and try again.",
    );
    expect(describeError(new ApiError(409, "Conflict here"))).toBe("Conflict here");
    expect(describeError(new SessionEndedError())).toBe(
      "Your session has ended. Please sign in again.",
    );
  });
});

describe("isRetryable", () => {
  it("retries network failures and server errors, never refusals", () => {
    expect(isRetryable(new TypeError("fetch failed"))).toBe(true);
    expect(isRetryable(new ApiError(503, "down"))).toBe(true);
    expect(isRetryable(new ApiError(422, "bad"))).toBe(false);
    expect(isRetryable(new SessionEndedError())).toBe(false);
  });
});

describe("asSentence", () => {
  it("adds a full stop only when the text has no ending punctuation", () => {
    expect(asSentence("Task not found")).toBe("Task not found.");
    expect(asSentence("Try again!")).toBe("Try again!");
  });
});

describe("retryAfterMs", () => {
  it("reads delay-seconds and HTTP dates, and nothing else", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterMs("2", now)).toBe(2_000);
    expect(retryAfterMs("Thu, 01 Jan 2026 00:00:05 GMT", now)).toBe(5_000);
    expect(retryAfterMs("Wed, 31 Dec 2025 23:00:00 GMT", now)).toBe(0);
    expect(retryAfterMs("soon", now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });

  it("is kept on the ApiError made from a response", () => {
    const response = new Response(null, { status: 503, headers: { "Retry-After": "3" } });
    const error = apiErrorFrom(response, { detail: "Database unavailable" });
    expect([error.status, error.message, error.retryAfterMs]).toEqual([
      503,
      "Database unavailable",
      3_000,
    ]);
  });
});
