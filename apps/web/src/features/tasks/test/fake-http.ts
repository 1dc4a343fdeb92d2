import type { IncomingMessage, ServerResponse } from "node:http";

/** Small HTTP helpers for the fake task API. */
export function send(res: ServerResponse, status: number, body?: unknown, headers = {}) {
  res.writeHead(status, {
    ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    ...headers,
  });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  let raw = "";
  for await (const chunk of req) raw += chunk;
  return raw ? JSON.parse(raw) : undefined;
}

export const takeFirst = <T extends { method: string; path: RegExp }>(
  items: T[],
  method: string,
  target: string,
): T | undefined => {
  const index = items.findIndex((item) => item.method === method && item.path.test(target));
  return index >= 0 ? items.splice(index, 1)[0] : undefined;
};

/** A header sent more than once counts as its values joined, as HTTP lists are. */
export const oneHeader = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value.join(", ") : value;

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
