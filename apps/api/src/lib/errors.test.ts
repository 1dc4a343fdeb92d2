import { describe, expect, test } from "vitest";
import { ApiError, DETAIL, pauseStackCapture, unauthorized } from "./errors.ts";
import { TokenRejected } from "./jwt.ts";

const frames = (error: Error) => (error.stack ?? "").split("\n").slice(1);

describe("errors that are answers carry no stack", () => {
  test("an ApiError: status, detail and headers, and a stack of its first line only", () => {
    const error = unauthorized(DETAIL.invalidToken);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(Error);
    expect({ status: error.status, detail: error.detail, headers: error.headers }).toEqual({
      status: 401,
      detail: DETAIL.invalidToken,
      headers: { "WWW-Authenticate": "Bearer" },
    });
    expect(error.stack).toBe(`ApiError: ${DETAIL.invalidToken}`);
  });

  test("a TokenRejected: detail and reason, and a stack of its first line only", () => {
    const error = new TokenRejected(DETAIL.invalidToken, "bad signature", true);
    expect({ detail: error.detail, reason: error.reason, final: error.final }).toEqual({
      detail: DETAIL.invalidToken,
      reason: "bad signature",
      final: true,
    });
    expect(error.stack).toBe("TokenRejected: bad signature");
  });

  test("every other error still gets its stack, before and after", () => {
    const limit = Error.stackTraceLimit;
    expect(frames(new Error("before")).length).toBeGreaterThan(0);
    new ApiError(404, DETAIL.taskNotFound);
    const resume = pauseStackCapture();
    expect(frames(new Error("paused"))).toEqual([]);
    resume();
    expect(Error.stackTraceLimit).toBe(limit);
    expect(frames(new Error("after")).length).toBeGreaterThan(0);
  });
});
