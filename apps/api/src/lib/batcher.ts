/**
 * Coalesces concurrent calls into batches: one statement for many requests instead of one each
 * (group commit). A call never waits on a timer: while fewer than `maxInFlight` batches are
 * running, whatever is queued goes out at once (calls made in the same tick share a batch); when
 * that many are running, calls queue and leave together as soon as one finishes. Under light load
 * a batch is a single call, so latency is unchanged; under heavy load each statement carries many.
 *
 * - `runBatch` gets the items in call order and returns one result per item, in the same order.
 * - Items with the same `key` never share a batch (two toggles of one task must run one after
 *   the other); a later one waits for the next batch, keeping call order per key.
 * - If a batch of several fails, each of its items is run again alone, so one bad item (or an
 *   error that only some items cause) fails only its own caller. A batch of one fails as is.
 */
export type BatcherOptions<In> = {
  maxInFlight: number;
  maxBatchSize: number;
  key?: (item: In) => string;
};

type Pending<In, Out> = {
  item: In;
  resolve: (value: Out) => void;
  reject: (reason: unknown) => void;
};

export type Batcher<In, Out> = (item: In) => Promise<Out>;

export function createBatcher<In, Out>(
  runBatch: (items: In[]) => Promise<Out[]>,
  options: BatcherOptions<In>,
): Batcher<In, Out> {
  const { maxInFlight, maxBatchSize, key } = options;
  let queue: Pending<In, Out>[] = [];
  let inFlight = 0;
  let scheduled = false;

  const takeBatch = (): Pending<In, Out>[] => {
    if (!key) return queue.splice(0, maxBatchSize);
    const batch: Pending<In, Out>[] = [];
    const rest: Pending<In, Out>[] = [];
    const keys = new Set<string>();
    for (const entry of queue) {
      const k = key(entry.item);
      if (batch.length < maxBatchSize && !keys.has(k)) batch.push(entry);
      else rest.push(entry);
      keys.add(k);
    }
    queue = rest;
    return batch;
  };

  const settle = async (batch: Pending<In, Out>[]) => {
    try {
      const results = await runBatch(batch.map((entry) => entry.item));
      if (results.length !== batch.length) {
        throw new Error(`batch returned ${results.length} results for ${batch.length} items`);
      }
      batch.forEach((entry, i) => {
        entry.resolve(results[i] as Out);
      });
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      await Promise.all(batch.map((entry) => settle([entry])));
    }
  };

  const flush = () => {
    scheduled = false;
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch = takeBatch();
      inFlight += 1;
      void settle(batch).finally(() => {
        inFlight -= 1;
        flush();
      });
    }
  };

  return (item) =>
    new Promise<Out>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!scheduled && inFlight < maxInFlight) {
        scheduled = true;
        queueMicrotask(flush);
      }
    });
}
