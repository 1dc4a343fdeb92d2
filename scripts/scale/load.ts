import { randomUUID } from "node:crypto";
import { sleep } from "./processes.ts";

export type LoadResult = {
  requests: number;
  /** Requests that failed even after the retries a client makes (the web app's). */
  failed: number;
  /** Failures by what was seen on the first try (before the retries), e.g. "502", "network". */
  firstTryFailures: Record<string, number>;
  /** The ids of the tasks whose create was answered 201. */
  created: string[];
};

/** What the web app retries: the answer of a replica going away, or none at all. */
const retriable = (status: number) => status === 0 || status === 502 || status === 503;

/**
 * Mixed load through the load balancer for `durationMs`: `clients` loops, each listing (GET) or
 * creating (POST with an Idempotency-Key) in turn. Like the web app, a client retries a request
 * that met a replica going away (502, 503, a reset connection) up to 3 times, 250 ms apart, a
 * create with its same key; what still fails counts as failed.
 */
export async function runLoad(options: {
  baseUrl: string;
  token: string;
  clients: number;
  durationMs: number;
}): Promise<LoadResult> {
  const result: LoadResult = { requests: 0, failed: 0, firstTryFailures: {}, created: [] };
  const until = Date.now() + options.durationMs;
  const headers = { authorization: `Bearer ${options.token}` };
  const attempt = async (init: () => Promise<Response>) => {
    let status = 0;
    for (let tries = 0; tries < 4; tries += 1) {
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
        if (status !== 200) result.failed += 1;
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
      else result.failed += 1;
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, client) => loop(client)));
  return result;
}
