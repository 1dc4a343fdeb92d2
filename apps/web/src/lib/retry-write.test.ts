import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error";
import { isTransient, retryTransient } from "./retry-write";

/** A `send` that fails with each of `failures` in turn, then answers "done"; and the waits asked. */
function script(failures: unknown[]) {
  let calls = 0;
  const waits: number[] = [];
  return {
    send: () => {
      const failure = failures[calls];
      calls += 1;
      return failure === undefined ? Promise.resolve("done") : Promise.reject(failure);
    },
    sleep: (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    },
    calls: () => calls,
    waits,
  };
}

describe("isTransient", () => {
  it("is true for a failed connection, 503, 409 and 429, and false for any other refusal", () => {
    expect(isTransient(new TypeError("fetch failed"))).toBe(true);
    expect([503, 409, 429].map((status) => isTransient(new ApiError(status, "x")))).toEqual([
      true,
      true,
      true,
    ]);
    expect(
      [400, 404, 412, 422, 500].map((status) => isTransient(new ApiError(status, "x"))),
    ).toEqual([false, false, false, false, false]);
  });
});

describe("retryTransient", () => {
  it("tries twice more at most, waiting as Retry-After asks, capped", async () => {
    const run = script([
      new ApiError(503, "down", 1_000),
      new ApiError(429, "slow down", 60_000),
      new ApiError(503, "down", 1_000),
    ]);

    await expect(retryTransient(run.send, { sleep: run.sleep })).rejects.toThrow("down");

    expect(run.calls()).toBe(3);
    expect(run.waits).toEqual([1_000, 3_000]);
  });

  it("backs off by itself after a failed connection, then returns the answer", async () => {
    const run = script([new TypeError("fetch failed"), new TypeError("fetch failed")]);

    await expect(retryTransient(run.send, { sleep: run.sleep })).resolves.toBe("done");

    expect(run.calls()).toBe(3);
    expect(run.waits).toEqual([300, 600]);
  });

  it("starts no try after its time budget: a try that timed out is not followed by another", async () => {
    let clock = 0;
    const run = script([new TypeError("did not answer in time"), new TypeError("fetch failed")]);
    const send = () => {
      clock += 10_000;
      return run.send();
    };

    await expect(
      retryTransient(send, { sleep: run.sleep, now: () => clock, budgetMs: 10_000 }),
    ).rejects.toThrow("in time");

    expect(run.calls()).toBe(1);
  });

  it("never retries a refusal", async () => {
    const run = script([new ApiError(412, "changed elsewhere")]);

    await expect(retryTransient(run.send, { sleep: run.sleep })).rejects.toThrow("changed");

    expect(run.calls()).toBe(1);
    expect(run.waits).toEqual([]);
  });
});
