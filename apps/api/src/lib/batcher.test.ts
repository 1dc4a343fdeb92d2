import { describe, expect, test } from "vitest";
import { createBatcher } from "./batcher.ts";

/** A batch runner that records each batch and answers every item with `answer(item)`. */
function recording<In, Out>(answer: (item: In) => Out) {
  const batches: In[][] = [];
  let release: () => void = () => {};
  let gate: Promise<void> | null = null;
  return {
    batches,
    /** Batches wait until the returned function is called. */
    hold() {
      gate = new Promise((resolve) => {
        release = () => {
          gate = null;
          resolve();
        };
      });
      return () => release();
    },
    run: async (items: In[]) => {
      batches.push(items);
      if (gate) await gate;
      return items.map(answer);
    },
  };
}

describe("createBatcher", () => {
  test("a lone call goes out at once, alone", async () => {
    const runner = recording((n: number) => n * 2);
    const call = createBatcher(runner.run, { maxInFlight: 1, maxBatchSize: 10 });
    expect(await call(21)).toBe(42);
    expect(runner.batches).toEqual([[21]]);
  });

  test("calls made while the batches in flight run leave together, in call order", async () => {
    const runner = recording((n: number) => n * 2);
    const call = createBatcher(runner.run, { maxInFlight: 1, maxBatchSize: 10 });
    const release = runner.hold();
    const first = call(1);
    await Promise.resolve();
    const rest = [call(2), call(3), call(4)];
    await Promise.resolve();
    release();
    expect(await Promise.all([first, ...rest])).toEqual([2, 4, 6, 8]);
    expect(runner.batches).toEqual([[1], [2, 3, 4]]);
  });

  test("calls in the same tick share a batch; maxBatchSize splits them", async () => {
    const runner = recording((n: number) => n);
    const call = createBatcher(runner.run, { maxInFlight: 2, maxBatchSize: 2 });
    expect(await Promise.all([call(1), call(2), call(3), call(4), call(5)])).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect(runner.batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  test("items with the same key never share a batch, and keep their order", async () => {
    const runner = recording((item: { id: string; n: number }) => item.n);
    const call = createBatcher(runner.run, {
      maxInFlight: 1,
      maxBatchSize: 10,
      key: (item) => item.id,
    });
    const items = [
      { id: "a", n: 1 },
      { id: "a", n: 2 },
      { id: "b", n: 3 },
      { id: "a", n: 4 },
    ];
    expect(await Promise.all(items.map(call))).toEqual([1, 2, 3, 4]);
    expect(runner.batches.map((batch) => batch.map((item) => item.n))).toEqual([[1, 3], [2], [4]]);
  });

  test("a failed batch is retried item by item: only the bad item fails", async () => {
    const seen: number[][] = [];
    const call = createBatcher(
      async (items: number[]) => {
        seen.push(items);
        if (items.includes(13)) throw new Error("unlucky");
        return items;
      },
      { maxInFlight: 1, maxBatchSize: 10 },
    );
    const results = await Promise.allSettled([call(12), call(13), call(14)]);
    expect(results).toEqual([
      { status: "fulfilled", value: 12 },
      { status: "rejected", reason: new Error("unlucky") },
      { status: "fulfilled", value: 14 },
    ]);
    expect(seen).toEqual([[12, 13, 14], [12], [13], [14]]);
  });

  test("a runner that answers the wrong number of items fails its callers", async () => {
    const call = createBatcher(async (items: number[]) => items.slice(1), {
      maxInFlight: 1,
      maxBatchSize: 10,
    });
    await expect(call(1)).rejects.toThrow("batch returned 0 results for 1 items");
  });
});
