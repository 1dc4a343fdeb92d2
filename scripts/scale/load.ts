import { randomUUID } from "node:crypto";
import { sleep } from "./processes.ts";

export type LoadResult = {
  requests: number;
  /** Requests that failed even after the retries a client makes (the web app's). */
  failed: number;
  /** Those by their last answer ("network" for none). */
  failedWith: Record<string, number>;
  /** Failures by what was seen on the first try (before the retries), e.g. "502", "network". */
  firstTryFailures: Record<string, number>;
  /** The ids of the tasks whose create was answered 201. */
  created: string[];
};

/**
 * What a client retries: the answer of a replica going away, none at all, or (a create) "the first
 * attempt with this key is still being processed" (409), which a replica going away may leave.
 */
const retriable = (status: number) =>
  status === 0 || status === 409 || status === 502 || status === 503;

/**
 * Mixed load through the load balancer for `durationMs`: `clients` loops, each listing (GET) or
 * creating (POST with an Idempotency-Key) in turn. Like the web app, a client retries a request
 * that met a replica going away (502, 503, a reset connection, a 409 for a key still in flight) up
 * to 5 times, 250 ms apart, a create with its same key; what still fails counts as failed.
 */
export async function runLoad(options: {
  baseUrl: string;
  token: string;
  clients: number;
  durationMs: number;
}): Promise<LoadResult> {
  const result: LoadResult = {
    requests: 0,
    failed: 0,
    failedWith: {},
    firstTryFailures: {},
    created: [],
  };
  const fail = (status: number) => {
    result.failed += 1;
    const key = status === 0 ? "network" : String(status);
    result.failedWith[key] = (result.failedWith[key] ?? 0) + 1;
  };
  const until = Date.now() + options.durationMs;
  const headers = { authorization: `Bearer ${options.token}` };
  const attempt = async (init: () => Promise<Response>) => {
    let status = 0;
    for (let tries = 0; tries < 6; tries += 1) {
      const response = await init().catch(() => undefined);
      status = response?.status ?? 0;
      const body = response ? await response.text().catch(() => "") : "";
      if (tries === 0 && (status === 0 || status >= 500)) {
        const key = status === 0 ? "network" : String(status);
        result.firstTryFailures[key] = (result.firstTryFailures[key] ?? 0) + 1;
      }
      if (!retriable(status)) return { status, body };
      await sleep(250);
    }
    return { status, body: "" };
  };
  const loop = async (client: number) => {
    for (let n = 0; Date.now() < until; n += 1) {
      result.requests += 1;
      if ((n + client) % 2 === 0) {
        const { status } = await attempt(() =>
          fetch(`${options.baseUrl}/api/tasks?limit=20`, { headers }),
        );
        if (status !== 200) fail(status);
        continue;
      }
      const key = randomUUID();
      const { status, body } = await attempt(() =>
        fetch(`${options.baseUrl}/api/tasks`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json", "idempotency-key": key },
          body: JSON.stringify({ title: `Load ${client}-${n}` }),
        }),
      );
      if (status === 201) result.created.push((JSON.parse(body) as { id: string }).id);
      else fail(status);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, client) => loop(client)));
  return result;
}
